/// Set 10: the free-text personal description, "the engine" of the search.
public enum PersonalDescription {
    /// The set's heading.
    public static let title = "Personal Description"
    /// The longest description accepted, in characters.
    public static let maxLength = 3000
    /// The hint under the text area.
    public static let hint = "Max. 3000 characters"
    /// The text the area starts with.
    public static let defaultText =
        "I'm driven and like a bit of healthy competition. I get along with all kinds of people and enjoy learning from them."
    /// What to write about.
    public static let guidance = """
        Tell us what kind of person you are: your interests, aspirations and personality. What do you look for \
        in a job, what is the one big thing you bring, and what sets you apart? This answer drives the search. \
        Grammar does not matter and there is no need to repeat earlier answers. Please leave out anything that \
        identifies you personally.
        """
}
