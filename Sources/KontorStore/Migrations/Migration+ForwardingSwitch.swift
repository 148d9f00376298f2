extension Migration {
    /// Version 15: the forwarding flow's runtime settings (issue 26). `hub_settings` holds hub-wide settings by name
    /// (`forwarding.active`: the hub-wide forwarding switch, `true` or `false`, seeded from the configuration on
    /// start when absent); `forwarding_settings.drop_folder` a tenant's own drop folder (an absolute path, or none).
    static let forwardingSwitch = Migration(version: 15, name: "forwarding-hub-switch-and-drop-folders") { _ in
        [
            """
            CREATE TABLE hub_settings (
                name TEXT PRIMARY KEY,
                value TEXT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "ALTER TABLE forwarding_settings ADD COLUMN drop_folder TEXT",
        ]
    }
}
