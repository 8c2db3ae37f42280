import Yams

/// Resolves CloudFormation intrinsics (`!Ref`, `!Sub`, `!GetAtt`, `!Join` and their long forms) to strings,
/// the way a local run sees them: parameters take their value or default, resources their physical name.
struct IntrinsicResolver {
    let parameters: [String: String]
    /// Logical id → physical name (`TableName`, `BucketName`, `FunctionName`, else the logical id).
    let resources: [String: (type: String, name: String)]
    let region: String
    let accountID: String

    func string(_ node: Node, path: String) throws(TemplateError) -> String {
        let tag = node.tag.rawValue
        switch (tag, node) {
        case ("!Ref", _):
            return try reference(try plain(node, path: path), path: path)
        case ("!Sub", .scalar(let scalar)):
            return try substitute(scalar.string, variables: [:], path: path)
        case ("!Sub", .sequence(let items)) where items.count == 2:
            var variables: [String: String] = [:]
            for (key, value) in items[1].mapping ?? Node.Mapping([]) {
                variables[try plain(key, path: path)] = try string(value, path: "\(path).\(key.string ?? "")")
            }
            return try substitute(try plain(items[0], path: path), variables: variables, path: path)
        case ("!GetAtt", .scalar(let scalar)):
            let parts = scalar.string.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw .invalidValue(path: path, expected: "!GetAtt Resource.Attribute") }
            return try attribute(parts[0], parts[1], path: path)
        case ("!GetAtt", .sequence(let items)) where items.count == 2:
            return try attribute(try plain(items[0], path: path), try plain(items[1], path: path), path: path)
        case ("!Join", .sequence(let items)) where items.count == 2:
            let separator = try plain(items[0], path: path)
            guard let values = items[1].sequence else { throw .invalidValue(path: path, expected: "a list to join") }
            var joined: [String] = []
            for (index, value) in values.enumerated() { joined.append(try string(value, path: "\(path)[\(index)]")) }
            return joined.joined(separator: separator)
        case (_, .scalar(let scalar)) where !tag.hasPrefix("!") || tag.hasPrefix("tag:yaml.org"):
            return scalar.string
        case (_, .mapping(let mapping)) where mapping.count == 1:
            return try longForm(mapping, path: path)
        default:
            if tag.hasPrefix("!") { throw .unsupportedIntrinsic(tag: tag, path: path) }
            throw .invalidValue(path: path, expected: "a string")
        }
    }

    /// `{"Ref": …}`, `{"Fn::Sub": …}`, `{"Fn::GetAtt": …}`, `{"Fn::Join": …}`.
    private func longForm(_ mapping: Node.Mapping, path: String) throws(TemplateError) -> String {
        guard let (key, value) = mapping.first, let name = key.string else {
            throw .invalidValue(path: path, expected: "a string")
        }
        let tags = ["Ref": "!Ref", "Fn::Sub": "!Sub", "Fn::GetAtt": "!GetAtt", "Fn::Join": "!Join"]
        guard let tag = tags[name] else { throw .unsupportedIntrinsic(tag: name, path: path) }
        return try string(retagged(value, tag), path: path)
    }

    private func retagged(_ node: Node, _ tag: String) -> Node {
        switch node {
        case .scalar(var scalar):
            scalar.tag = Tag(Tag.Name(rawValue: tag))
            return .scalar(scalar)
        case .sequence(var sequence):
            sequence.tag = Tag(Tag.Name(rawValue: tag))
            return .sequence(sequence)
        default: return node
        }
    }

    private func plain(_ node: Node, path: String) throws(TemplateError) -> String {
        guard let scalar = node.scalar else { throw .invalidValue(path: path, expected: "a string") }
        return scalar.string
    }

    func reference(_ name: String, path: String) throws(TemplateError) -> String {
        switch name {
        case "AWS::Region": return region
        case "AWS::AccountId": return accountID
        case "AWS::StackName": return "local"
        case "AWS::Partition": return "aws"
        case "AWS::URLSuffix": return "amazonaws.com"
        case "AWS::NoValue": return ""
        default: break
        }
        if let value = parameters[name] { return value }
        if let resource = resources[name] { return resource.name }
        throw .unknownReference(name: name, path: path)
    }

    private func attribute(_ resource: String, _ attribute: String, path: String) throws(TemplateError) -> String {
        guard let target = resources[resource] else { throw .unknownReference(name: resource, path: path) }
        if target.type == "AWS::S3::Bucket" {
            switch attribute {
            case "WebsiteURL": return "http://\(target.name).s3-website-\(region).amazonaws.com"
            case "DomainName": return "\(target.name).s3.amazonaws.com"
            case "RegionalDomainName": return "\(target.name).s3.\(region).amazonaws.com"
            default: break
            }
        }
        if attribute == "StreamArn", target.type == "AWS::DynamoDB::Table" {
            // The stream's label is its creation time, known only once `serve` has created it; event source
            // mappings read the table name from this and use the table's current stream.
            return "arn:aws:dynamodb:\(region):\(accountID):table/\(target.name)/stream/latest"
        }
        guard attribute == "Arn" else { return target.name }
        switch target.type {
        case "AWS::Serverless::Function", "AWS::Lambda::Function":
            return "arn:aws:lambda:\(region):\(accountID):function:\(target.name)"
        case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable":
            return "arn:aws:dynamodb:\(region):\(accountID):table/\(target.name)"
        case "AWS::S3::Bucket": return "arn:aws:s3:::\(target.name)"
        default: return "arn:aws:local:\(region):\(accountID):\(target.name)"
        }
    }

    /// `${Name}`, `${Resource.Attribute}` and `${!Literal}` inside a `!Sub` string.
    private func substitute(_ text: String, variables: [String: String], path: String) throws(TemplateError)
        -> String
    {
        var output = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                throw .invalidValue(path: path, expected: "a closing } in !Sub")
            }
            let name = String(rest[open.upperBound..<close])
            if name.hasPrefix("!") {
                output += "${\(name.dropFirst())}"
            } else if let value = variables[name] {
                output += value
            } else if name.contains(".") && !name.hasPrefix("AWS::") {
                let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
                output += try attribute(parts[0], parts[1], path: path)
            } else {
                output += try reference(name, path: path)
            }
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }
}
