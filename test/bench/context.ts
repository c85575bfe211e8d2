/** What every benchmark gets from the runner. */
export interface BenchContext {
  /** `--quick`: fewer repeats and smaller sizes; every shortened figure says so. */
  quick: boolean;
  repeats: number;
  /** A scratch folder for this run (databases, state files); removed at the end. */
  workDir: string;
}
