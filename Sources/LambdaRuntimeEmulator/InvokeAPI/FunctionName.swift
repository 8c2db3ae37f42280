/// A function reference as the Invoke API accepts it: name, `name:qualifier`, partial or full ARN.
struct FunctionName: Equatable {
    var name: String
    var qualifier: String?

    init(name: String, qualifier: String?) {
        self.name = name
        self.qualifier = qualifier
    }

    /// Parses a (percent-decoded) reference; nil when it has no recognisable shape.
    init?(_ reference: String) {
        let parts = reference.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1:
            name = parts[0]
        case 2:
            name = parts[0]
            qualifier = parts[1]
        case 3 where parts[1] == "function", 4 where parts[1] == "function":
            // 123456789012:function:name[:qualifier]
            name = parts[2]
            qualifier = parts.count == 4 ? parts[3] : nil
        case 7 where parts[0] == "arn" && parts[5] == "function", 8 where parts[0] == "arn" && parts[5] == "function":
            // arn:aws:lambda:region:account:function:name[:qualifier]
            name = parts[6]
            qualifier = parts.count == 8 ? parts[7] : nil
        default:
            return nil
        }
        guard !name.isEmpty, name.count <= 140, qualifier.map({ !$0.isEmpty }) ?? true else { return nil }
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
                || $0 == "_"
        }
        guard allowed else { return nil }
    }
}
