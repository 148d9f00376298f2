// LexofficeSandbox — the local lexoffice simulator (issue "LexofficeSandbox"). Empty until that issue lands: it
// deliberately holds no placeholder code.
