import CCurl

/// The C callbacks libcurl calls on the transfer thread; `userdata` is the `Transfer`.
enum CurlCallbacks {
    static let write: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
        data, size, count, userdata in
        let byteCount = size * count
        guard let transfer = Transfer.from(userdata) else { return 0 }
        let chunk = UnsafeRawBufferPointer(start: data, count: byteCount)
        if let error = transfer.sink.write(chunk, status: transfer.currentStatus) {
            transfer.failure = error
            return byteCount == 0 ? 1 : 0  // any count other than byteCount makes curl stop
        }
        return byteCount
    }

    static let read: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
        buffer, size, count, userdata in
        guard let transfer = Transfer.from(userdata), let source = transfer.source else { return 0 }
        switch source.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: size * count)) {
        case .success(let byteCount):
            return byteCount
        case .failure(let error):
            transfer.failure = error
            return Int(CURL_READFUNC_ABORT)
        }
    }

    static let seek: @convention(c) (UnsafeMutableRawPointer?, curl_off_t, Int32) -> Int32 = {
        userdata, offset, origin in
        guard origin == SEEK_SET, let source = Transfer.from(userdata)?.source else { return CURL_SEEKFUNC_CANTSEEK }
        return source.rewind(to: offset) ? CURL_SEEKFUNC_OK : CURL_SEEKFUNC_FAIL
    }

    static let header: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
        data, size, count, userdata in
        let byteCount = size * count
        Transfer.from(userdata)?.headerParser.consume(UnsafeRawBufferPointer(start: data, count: byteCount))
        return byteCount
    }
}
