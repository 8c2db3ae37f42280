/// Why a SAM template could not be turned into function configurations; each names the place at fault.
public enum TemplateError: Error, Equatable, CustomStringConvertible {
    case invalidYAML(String)
    case missingSection(String)
    case invalidValue(path: String, expected: String)
    case unsupportedIntrinsic(tag: String, path: String)
    case unknownReference(name: String, path: String)
    /// Content the emulator cannot honour (a resource type, a property, a runtime); `path` names it.
    case unsupported(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidYAML(let reason): return "template.yaml is not valid YAML: \(reason)"
        case .missingSection(let path): return "template.yaml has no \(path)"
        case .invalidValue(let path, let expected): return "template.yaml \(path): expected \(expected)"
        case .unsupportedIntrinsic(let tag, let path): return "template.yaml \(path): not implemented: \(tag)"
        case .unknownReference(let name, let path): return "template.yaml \(path): unknown reference '\(name)'"
        case .unsupported(let path, let reason):
            return "template.yaml \(path): not supported by the emulator: \(reason)"
        }
    }
}
