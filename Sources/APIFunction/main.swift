import Foundation

// The API routes are issue 6; until then this bootstrap refuses to start rather than pretend.
FileHandle.standardError.write(Data("not implemented: APIFunction (issue 6)\n".utf8))
exit(1)
