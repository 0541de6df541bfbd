// Splitting one EMN translation line ("term / variant (ABBR) (BE)") into terms with their usage data.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ilo::emn {

// One term found on a line. `text` is a view into the line (so that the caller
// can compute its position); the other fields are data taken off the term.
struct TermPiece {
    std::string_view text;
    std::string term_type;           // "fullForm", "abbreviation" or empty
    std::string geographical_usage;  // country codes as written, e.g. "BE" or "AT, DE, LU"
    std::string note;                // a usage qualifier such as "EU acquis"
    std::string language;            // a more precise tag than the line's ("nb", "nn"), or empty
    // When the piece was kept as one term although a slash in it may instead
    // separate whole terms: the message saying so (a warning for the reader to give).
    std::string unsure_slash;
};

// Splits `line`, written in `language` (a BCP 47 tag, for the Norwegian (b)/(n)
// markers), into terms:
//  - " / ", "/" and "; " separate whole terms, except a slash that joins
//    alternative words inside one term ("Persuna barranija / għariba",
//    "säännösten vastainen / laiton maahanmuutto", "irreguljär / olaglig migration",
//    "Rückkehrer/in", "2011/95/EU"), read from the shape of the words on each side
//    (see read_slash in emn_terms.cpp); where the shape does not tell, the text is
//    kept as one term and the piece carries `unsure_slash`;
//  - a trailing all-caps "(ABBR)" is split off as an abbreviation, and a lone
//    all-caps variant is an abbreviation;
//  - trailing country codes "(BE)" become geographical usage, usage qualifiers
//    "(EU acquis)" a note, Norwegian "(b)"/"(n)" the language nb/nn;
//  - everything else, including brackets inside or at the end of a term, is kept
//    exactly as written, apart from trimming.
std::vector<TermPiece> split_terms(std::string_view line, std::string_view language);

// True for an all-caps abbreviation: no spaces, at least two letters, every letter upper case.
bool is_abbreviation(std::string_view text);

// An EU/EEA country code as the glossary writes them ("EL" for Greece, "UK").
bool is_country_code(std::string_view text);

}  // namespace ilo::emn
