// Names that must agree between the running app and its packaging (electron-builder.yml):
// Windows attributes notifications by AppUserModelID = appId, Linux by the .desktop file name,
// and the OS routes deep links by the URL scheme. A unit test checks the config against these.

export const appId = 'io.placet.companion';
export const productName = 'Placet Companion';
/** The executable and .desktop name on Linux (`<name>.desktop`). */
export const executableName = 'placet-companion';
export const desktopFileName = `${executableName}.desktop`;
/** `placet-companion://review/<accountId>/<messageId>` */
export const deepLinkScheme = 'placet-companion';
