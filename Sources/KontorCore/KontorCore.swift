// KontorCore — domain types, transfer/sync/archive flows as state machines, and the ports (protocols) that
// KontorStore implements (DESIGN.md §2). Empty until the flow issues land: it deliberately holds no placeholder
// code.
