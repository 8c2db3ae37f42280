/// A person's stated preferences compiled into bit sets once per profile, so a listing's role-family and
/// location fit cost a few bit operations.
struct PreferenceFit: Sendable {
    let wanted: UInt32
    /// Families next to a wanted one (full-stack for a backend person, and back).
    let related: UInt32
    let excluded: UInt32
    let cities: UInt32
    let excludedCities: UInt32
    let remote: RemoteWish
    let relocation: RelocationWish

    /// Role fit for ads whose title names no family: the body decides, weakly.
    static let genericTitleWithWantedBody = 0.6
    static let genericTitle = 0.4
    /// Role fit for a title of another family whose body names a wanted one.
    static let otherTitleWithWantedBody = 0.2
    /// Role fit for a title of a family next to a wanted one.
    static let relatedTitle = 0.7

    init(_ preferences: CandidatePreferences) {
        func bits(_ families: [RoleFamily]) -> UInt32 { families.reduce(0) { $0 | $1.bit } }
        wanted = bits(preferences.wantedFamilies)
        var related: UInt32 = 0
        if wanted & (RoleFamily.backend.bit | RoleFamily.frontend.bit) != 0 { related |= RoleFamily.fullStack.bit }
        if wanted & RoleFamily.fullStack.bit != 0 { related |= RoleFamily.backend.bit | RoleFamily.frontend.bit }
        if wanted & RoleFamily.devops.bit != 0 { related |= RoleFamily.backend.bit }
        self.related = related & ~wanted
        excluded = bits(preferences.excludedFamilies)
        func cityBits(_ names: [String]) -> UInt32 {
            names.reduce(0) { result, name in
                guard let index = PlaceVocabulary.cities.firstIndex(where: { $0.name == name }) else { return result }
                return result | 1 << UInt32(index)
            }
        }
        cities = cityBits(preferences.cities)
        excludedCities = cityBits(preferences.excludedCities)
        remote = preferences.remote
        relocation = preferences.relocation
    }

    /// 0...1, or nil when the person named no family: the title first, then the body.
    @inline(__always)
    func roleFit(title: UInt32, body: UInt32) -> Double? {
        guard wanted != 0 else { return nil }
        if title & wanted != 0 { return 1 }
        if title & related != 0 { return Self.relatedTitle }
        if title == 0 { return body & wanted != 0 ? Self.genericTitleWithWantedBody : Self.genericTitle }
        return body & wanted != 0 ? Self.otherTitleWithWantedBody : 0
    }

    /// How much of the excluded-family penalty applies: all of it for a title of an excluded family, half
    /// when the title also names a wanted one, a fifth when only the body names one and the title no wanted.
    @inline(__always)
    func exclusionShare(title: UInt32, body: UInt32) -> Double {
        guard excluded != 0 else { return 0 }
        if title & excluded != 0 { return title & wanted != 0 ? 0.5 : 1 }
        if body & excluded != 0 && title & wanted == 0 && body & wanted == 0 { return 0.2 }
        return 0
    }

    /// Whether any location preference was stated.
    var hasLocationWish: Bool { cities != 0 || excludedCities != 0 || remote != .unspecified }

    /// 0...1 location fit and whether the job needs a move the person refused; nil fit when nothing was said.
    @inline(__always)
    func locationFit(places: UInt32, remoteSignal: UInt8) -> (fit: Double?, needsRefusedMove: Bool) {
        guard hasLocationWish || relocation == .refused else { return (nil, false) }
        let isRemote = remoteSignal & (RemoteSignal.mentioned | RemoteSignal.fully) != 0
        if places & cities != 0 { return (1, false) }
        if places & excludedCities != 0 && !isRemote { return (0, relocation == .refused) }
        if isRemote {
            switch remote {
            case .wanted: return (1, false)
            case .hybrid, .unspecified: return (0.7, false)
            case .refused: return (0.2, false)
            }
        }
        if places == 0 { return (0.5, false) }
        // Another city, on site.
        if cities == 0 { return relocation == .refused && remote == .wanted ? (0.1, true) : (0.5, false) }
        return relocation == .refused ? (0, true) : (0.2, false)
    }
}
