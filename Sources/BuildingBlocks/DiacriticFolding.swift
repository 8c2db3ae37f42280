/// Case and diacritic folding for Latin script without ICU, matching Foundation's
/// `folding(options: [.diacriticInsensitive, .caseInsensitive], locale:)` wherever that gives ASCII: `Ä` and `ä` to
/// `a`, `ß` to `ss`, `ﬁ` to `fi`; combining marks after a base character are dropped.
public enum DiacriticFolding {
    /// The folded text. Scalars the table does not list are lower-cased and otherwise kept (`ø` stays `ø`).
    public static func fold(_ text: some StringProtocol) -> String {
        var folded = ""
        var afterBase = false
        for scalar in text.unicodeScalars {
            let category = scalar.properties.generalCategory
            if afterBase && (category == .nonspacingMark || category == .enclosingMark) { continue }
            afterBase = true
            if let replacement = table[scalar] {
                folded += replacement
            } else {
                folded += scalar.properties.lowercaseMapping
            }
        }
        return folded
    }

    private static let table: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        for (replacement, letters) in groups {
            for scalar in letters.unicodeScalars { table[scalar] = replacement }
        }
        return table
    }()

    /// Every scalar Foundation folds to ASCII letters (read from Foundation's own folding of U+0080-U+2FFFF),
    /// grouped by what it folds to; U+212A and U+212B are the Kelvin and Angstrom signs.
    private static let groups: [(String, String)] = [
        ("a", "ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎǞǟǠǡǺǻȀȁȂȃȦȧḀḁẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặ\u{212B}"),
        ("b", "ḂḃḄḅḆḇ"),
        ("c", "ÇçĆćĈĉĊċČčḈḉ"),
        ("d", "ĎďḊḋḌḍḎḏḐḑḒḓ"),
        ("e", "ÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇȨȩḔḕḖḗḘḙḚḛḜḝẸẹẺẻẼẽẾếỀềỂểỄễỆệ"),
        ("f", "Ḟḟ"),
        ("ff", "ﬀ"),
        ("ffi", "ﬃ"),
        ("ffl", "ﬄ"),
        ("fi", "ﬁ"),
        ("fl", "ﬂ"),
        ("g", "ĜĝĞğĠġĢģǦǧǴǵḠḡ"),
        ("h", "ĤĥȞȟḢḣḤḥḦḧḨḩḪḫẖ"),
        ("i", "ÌÍÎÏìíîïĨĩĪīĬĭĮįİǏǐȈȉȊȋḬḭḮḯỈỉỊị"),
        ("j", "Ĵĵǰ"),
        ("k", "ĶķǨǩḰḱḲḳḴḵ\u{212A}"),
        ("l", "ĹĺĻļĽľḶḷḸḹḺḻḼḽ"),
        ("m", "ḾḿṀṁṂṃ"),
        ("n", "ÑñŃńŅņŇňǸǹṄṅṆṇṈṉṊṋ"),
        ("o", "ÒÓÔÕÖòóôõöŌōŎŏŐőƠơǑǒǪǫǬǭȌȍȎȏȪȫȬȭȮȯȰȱṌṍṎṏṐṑṒṓỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ"),
        ("p", "ṔṕṖṗ"),
        ("r", "ŔŕŖŗŘřȐȑȒȓṘṙṚṛṜṝṞṟ"),
        ("s", "ŚśŜŝŞşŠšſȘșṠṡṢṣṤṥṦṧṨṩẛ"),
        ("ss", "ßẞ"),
        ("st", "ﬅﬆ"),
        ("t", "ŢţŤťȚțṪṫṬṭṮṯṰṱẗ"),
        ("u", "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųƯưǓǔǕǖǗǘǙǚǛǜȔȕȖȗṲṳṴṵṶṷṸṹṺṻỤụỦủỨứỪừỬửỮữỰự"),
        ("v", "ṼṽṾṿ"),
        ("w", "ŴŵẀẁẂẃẄẅẆẇẈẉẘ"),
        ("x", "ẊẋẌẍ"),
        ("y", "ÝýÿŶŷŸȲȳẎẏẙỲỳỴỵỶỷỸỹ"),
        ("z", "ŹźŻżŽžẐẑẒẓẔẕ"),
        // Folded to an ASCII letter after a modifier letter, as Foundation does.
        ("\u{2BC}n", "ŉ"),
        ("a\u{2BE}", "ẚ"),
    ]
}
