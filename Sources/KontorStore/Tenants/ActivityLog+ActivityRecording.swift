import KontorFlows

/// The flows write to the activity log through the store.
extension ActivityLog: ActivityRecording {}
