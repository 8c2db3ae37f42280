@_exported import BuildingBlocks

/// A JSON value of the API payload, decoded without assumptions so every field can be checked by name.
public typealias PayloadValue = JSONValue
