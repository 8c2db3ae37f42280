/// ProjectionExpression: keeps only the requested paths, trimming nested maps and lists to them.
enum Projection {
    private final class Node {
        var members: [String: Node] = [:]
        var indexes: [Int: Node] = [:]
        var wholeValue = false
    }

    static func project(_ item: Item, paths: [DocumentPath]) -> Item {
        let root = Node()
        for path in paths {
            var node = root
            for element in path {
                let next: Node
                switch element {
                case .member(let name):
                    if let existing = node.members[name] {
                        next = existing
                    } else {
                        next = Node()
                        node.members[name] = next
                    }
                case .index(let index):
                    if let existing = node.indexes[index] {
                        next = existing
                    } else {
                        next = Node()
                        node.indexes[index] = next
                    }
                }
                node = next
            }
            node.wholeValue = true
        }
        var result: Item = [:]
        for (name, child) in root.members {
            if let value = item[name], let projected = project(value, child) { result[name] = projected }
        }
        return result
    }

    private static func project(_ value: AttributeValue, _ node: Node) -> AttributeValue? {
        if node.wholeValue { return value }
        switch value {
        case .map(let map) where !node.members.isEmpty:
            var result: [String: AttributeValue] = [:]
            for (name, child) in node.members {
                if let member = map[name], let projected = project(member, child) { result[name] = projected }
            }
            return result.isEmpty ? nil : .map(result)
        case .list(let list) where !node.indexes.isEmpty:
            var result: [AttributeValue] = []
            for index in node.indexes.keys.sorted() where index < list.count {
                if let child = node.indexes[index], let projected = project(list[index], child) {
                    result.append(projected)
                }
            }
            return result.isEmpty ? nil : .list(result)
        default:
            return nil
        }
    }
}
