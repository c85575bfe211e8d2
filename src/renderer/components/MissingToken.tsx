export function MissingToken() {
  return (
    <div className="view-state error standalone" role="alert">
      <h1>This page needs the companion’s link</h1>
      <p>
        Open the address the companion printed when it started (it ends in <code>?token=…</code>). The token keeps other web pages from
        talking to your companion.
      </p>
    </div>
  );
}
