/// A kind of job, as candidates and ads name it: the families a person wants or rules out.
public enum RoleFamily: String, Sendable, Hashable, Codable, CaseIterable {
    case backend
    case frontend
    case fullStack = "full-stack"
    case mobile
    case embedded
    case data
    case devops
    case qa
    case security
    case design
    case games
    case sales
    case marketing
    case consulting
    case support
    case management

    /// How the family reads in a summary ("backend roles").
    public var displayName: String {
        switch self {
        case .backend: return "backend"
        case .frontend: return "frontend"
        case .fullStack: return "full-stack"
        case .mobile: return "mobile"
        case .embedded: return "embedded/firmware"
        case .data: return "data/ML"
        case .devops: return "DevOps/cloud"
        case .qa: return "QA/testing"
        case .security: return "security"
        case .design: return "design/UX"
        case .games: return "game development"
        case .sales: return "sales"
        case .marketing: return "marketing"
        case .consulting: return "consulting"
        case .support: return "IT support"
        case .management: return "project/product management"
        }
    }

    /// The bit this family takes in a `UInt32` set.
    var bit: UInt32 { 1 << UInt32(RoleFamily.allCases.firstIndex(of: self) ?? 0) }

    /// Families of a bit set, in declaration order.
    static func families(in bits: UInt32) -> [RoleFamily] { allCases.filter { bits & $0.bit != 0 } }

    /// The job titles searched for a family, in English and Finnish, most common first.
    var titles: (english: [String], finnish: [String]) {
        switch self {
        case .backend: return (["backend developer"], ["backend kehittäjä"])
        case .frontend: return (["frontend developer"], ["frontend kehittäjä"])
        case .fullStack: return (["full stack developer"], ["full stack kehittäjä"])
        case .mobile: return (["mobile developer"], ["mobiilikehittäjä"])
        case .embedded:
            return (["embedded software engineer", "firmware engineer"], ["sulautettujen ohjelmistokehittäjä"])
        case .data: return (["data engineer", "machine learning engineer"], ["data-insinööri"])
        case .devops: return (["devops engineer", "cloud engineer"], ["devops asiantuntija"])
        case .qa: return (["test automation engineer", "QA engineer"], ["testausinsinööri"])
        case .security: return (["security engineer"], ["tietoturva-asiantuntija"])
        case .design: return (["UX designer"], ["UX-suunnittelija"])
        case .games: return (["game developer"], ["pelikehittäjä"])
        case .sales: return (["sales manager"], ["myyntipäällikkö"])
        case .marketing: return (["marketing manager"], ["markkinointipäällikkö"])
        case .consulting: return (["IT consultant"], ["IT-konsultti"])
        case .support: return (["IT support specialist"], ["IT-tukihenkilö"])
        case .management: return (["project manager"], ["projektipäällikkö"])
        }
    }

    /// Single words ads of the family share, searched alone so that no level word or title form narrows
    /// the search (`embedded`, `sulautettu`); the scoring sorts what they find.
    var keywords: (english: [String], finnish: [String]) {
        switch self {
        case .backend: return (["backend"], ["taustajärjestelmä"])
        case .frontend: return (["frontend"], ["käyttöliittymäkehittäjä"])
        case .fullStack: return (["full stack"], ["fullstack"])
        case .mobile: return (["mobile"], ["mobiili"])
        case .embedded: return (["embedded", "firmware"], ["sulautettu", "laiteohjelmisto"])
        case .data: return (["data engineer"], ["koneoppiminen"])
        case .devops: return (["devops"], ["pilvi"])
        case .qa: return (["test automation"], ["testaus"])
        case .security: return (["security"], ["tietoturva"])
        case .design: return (["UX"], ["käytettävyys"])
        case .games: return (["game"], ["peli"])
        case .sales: return (["sales"], ["myynti"])
        case .marketing: return (["marketing"], ["markkinointi"])
        case .consulting: return (["consultant"], ["konsultti"])
        case .support: return (["IT support"], ["IT-tuki"])
        case .management: return (["project manager"], ["projektipäällikkö"])
        }
    }
}
