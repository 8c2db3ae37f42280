import Foundation

/// The `EventInvokeConfig` of every hosted function: seeded from the template, changed through the
/// Put/Update/Delete operations of the Invoke API port. Kept in memory; a restart starts from the template.
public actor EventInvokeConfigs {
    private var configs: [String: EventInvokeConfig]

    public init(_ configs: [String: EventInvokeConfig] = [:]) {
        self.configs = configs
    }

    /// The function's configuration, or nil when none is set (Lambda's defaults apply).
    public func config(for function: String) -> EventInvokeConfig? {
        configs[function]
    }

    /// The configuration the async queue applies: the stored one or the defaults.
    public func effective(for function: String) -> EventInvokeConfig {
        configs[function] ?? EventInvokeConfig(lastModified: Date(timeIntervalSince1970: 0))
    }

    /// Replaces the configuration (PutFunctionEventInvokeConfig).
    public func put(_ config: EventInvokeConfig, for function: String) {
        configs[function] = config
    }

    /// Removes it; false when there was none (DeleteFunctionEventInvokeConfig).
    @discardableResult
    public func delete(for function: String) -> Bool {
        configs.removeValue(forKey: function) != nil
    }
}
