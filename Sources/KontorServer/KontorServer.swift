// KontorServer — the Hummingbird hub: API, webhook receiver, OAuth callback, web UI and /metrics (DESIGN.md §2).
// Empty until the hub issue lands: it deliberately holds no placeholder code.
