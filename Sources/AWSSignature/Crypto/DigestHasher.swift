import COpenSSL

/// An incremental digest for bodies too large to hold in memory: feed chunks with `update`, then `finalize`.
///
/// A reference type because it owns an OpenSSL context; keep each instance within one task.
public final class DigestHasher {
    /// The algorithm this hasher computes.
    public let algorithm: DigestAlgorithm
    private let context: OpaquePointer

    /// Starts a new digest computation.
    public init(_ algorithm: DigestAlgorithm) {
        self.algorithm = algorithm
        // Allocation failure here is memory exhaustion, not bad input.
        guard let context = EVP_MD_CTX_new() else { preconditionFailure("EVP_MD_CTX_new failed: out of memory") }
        self.context = context
        Self.start(context, algorithm)
    }

    deinit {
        EVP_MD_CTX_free(context)
    }

    /// Adds bytes to the digest.
    public func update(_ bytes: some Collection<UInt8>) {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(UnsafeRawBufferPointer(buffer))
        }
        if handled == nil {
            Array(bytes).withUnsafeBytes { update($0) }
        }
    }

    /// Adds the bytes of a raw buffer (for example a NIO `ByteBuffer`'s readable bytes) to the digest.
    public func update(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
        let status = EVP_DigestUpdate(context, base, buffer.count)
        precondition(status == 1, "EVP_DigestUpdate failed")
    }

    /// Adds the UTF-8 bytes of a string to the digest.
    public func update(_ string: String) {
        update(string.utf8)
    }

    /// Returns the digest of everything added so far and resets the hasher for reuse.
    public func finalize() -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let status = EVP_DigestFinal_ex(context, &output, &length)
        precondition(status == 1, "EVP_DigestFinal_ex failed")
        Self.start(context, algorithm)
        return Array(output.prefix(Int(length)))
    }

    /// Returns the digest as lowercase hex and resets the hasher for reuse.
    public func finalizeHex() -> String {
        Hex.encode(finalize())
    }

    private static func start(_ context: OpaquePointer, _ algorithm: DigestAlgorithm) {
        let status = EVP_DigestInit_ex(context, algorithm.evpMethod, nil)
        precondition(status == 1, "EVP_DigestInit_ex failed for \(algorithm)")
    }
}
