/// Hides the values of variables that look like secrets before the console shows them.
public enum SecretMasking {
    /// Name fragments that mark a secret, matched case-insensitively anywhere in the name.
    public static let markers = ["KEY", "SECRET", "TOKEN", "PASSWORD"]
    /// What the console shows instead of a secret's value.
    public static let mask = "********"

    public static func isSecret(_ name: String) -> Bool {
        let upper = name.uppercased()
        return markers.contains { upper.contains($0) }
    }

    /// The value to show: the mask for a secret with a value, else the value.
    public static func shown(name: String, value: String) -> String {
        isSecret(name) && !value.isEmpty ? mask : value
    }
}
