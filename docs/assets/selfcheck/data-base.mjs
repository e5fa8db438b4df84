// Where this page's qualification keeps its self-check data: the bank, the question forms, the
// runtime manifest. One copy of the scripts serves every qualification of a catalog, so the page
// names the folder (<meta name="selfcheck-data">, written by the build: assets/selfcheck/ of the
// qualification's own subtree). Without the tag, the folder these scripts are in.
const meta = document.querySelector('meta[name="selfcheck-data"]')
export const dataBase = meta ? new URL(meta.content, location.href) : new URL("./", import.meta.url)

/** A file of this qualification's self-check data, e.g. dataUrl("bank.json"). */
export const dataUrl = name => new URL(name, dataBase)
