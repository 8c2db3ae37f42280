import BuildingBlocks

/// The ports a started stack listens on, in the order `serve` prints them.
public struct LocalStackPorts: Sendable, Equatable {
    public var invoke: Int
    public var dynamo: Int?
    public var s3: Int?
    /// Each companion that runs, by name, in start order.
    public var companions: [(name: String, port: Int)]
    public var gateway: Int?
    public var console: Int?

    public static func == (left: LocalStackPorts, right: LocalStackPorts) -> Bool {
        left.entries.elementsEqual(right.entries) { $0 == $1 }
    }

    /// Every server that listens, as name and port.
    public var entries: [(name: String, port: Int)] {
        var entries: [(name: String, port: Int)] = [("invoke", invoke)]
        if let dynamo, let s3 { entries += [("dynamo", dynamo), ("s3", s3)] }
        entries += companions
        if let gateway { entries.append(("gateway", gateway)) }
        if let console { entries.append(("console", console)) }
        return entries
    }

    /// One JSON object, e.g. `{"invoke":3001,"dynamo":8000,"s3":9000}`.
    public var jsonLine: String {
        "{" + entries.map { "\(JSONText.quote($0.name)):\($0.port)" }.joined(separator: ",") + "}"
    }
}
