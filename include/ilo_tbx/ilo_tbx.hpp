// The ilo-tbx library's public API in one include, and the rules every part of it follows (ownership, failure, threads).
#pragma once

// What is where:
//   ilo_tbx/model.hpp             the concept model: TermBase, Concept, LanguageSection, Term... plain values
//   ilo_tbx/diagnostics.hpp       Diagnostic, Diagnostics (errors and warnings as values), format_diagnostic()
//   ilo_tbx/format.hpp            the format table (tbx, tbx2008, json, csv, tsv, xlsx, emn), read_term_base(),
//                                 write_term_base(), the streaming ConceptSink, ReadOptions, WriteOptions
//   ilo_tbx/csv.hpp               CSV/TSV sheet profiles by name, language codes as sheets write them
//   ilo_tbx/tool_profile.hpp      ToolProfile: what a translation tool needs from a TBX 2008 file
//   ilo_tbx/validate.hpp          validate_tbx_file(): native checks or RELAX NG, with dialect and integrity rules
//   ilo_tbx/native_validator.hpp  validate_native() on a document in memory; Verdict, Flavour, Dialect
//   ilo_tbx/tbx_reader.hpp        read_tbx() with the file's TBX flavour
//   ilo_tbx/emn_reader.hpp        read_emn(), explain_emn(): EMN glossary pages
//   ilo_tbx/embedded.hpp          the built-in EMN entry for the ILO and our own schemas, as text
//   ilo_tbx/merge.hpp             merge_term_bases(): fold a term base back into the one it came from
//   ilo_tbx/resolve.hpp           merge_duplicate_concepts(), resolve_relations()
//   ilo_tbx/lint.hpp              terminology quality checks and their safe fixes
//   ilo_tbx/language_tag.hpp      BCP 47 tags in canonical case; xsd:language, as xml:lang takes it
//   ilo_tbx/files.hpp             read_file(), AtomicOutputFile (all-or-nothing output files)
// Every declaration in these headers is in namespace ilo. The headers include only the standard library and
// each other: no XML, ICU or JSON library types appear in them, and libilo_tbx.so links those privately.
//
// Ownership. The model is plain values: a TermBase owns everything in it, and copies are deep. Functions take
// inputs by const reference or string_view and never keep a reference or view after they return, except
// where a declaration says otherwise (a writer sink keeps its std::ostream and Diagnostics; LineIndex keeps
// its text). Pointers returned by find_format() and format_for_path() point into a static table and stay
// valid for the life of the program; nothing the library returns needs freeing.
//
// Failure. Bad input never throws and never ends the program: every problem is an ilo::Diagnostic (file,
// line, column, a stable rule code such as "xml.not-well-formed" or "io.read", a message) added to the
// Diagnostics the caller passes, and the call returns what it could do (a reader hands over what it read
// before the error; a validator returns Verdict::invalid, not_well_formed or unreadable). After any call,
// check Diagnostics::has_errors(). Warnings report what was kept approximately or could not be carried by
// the target format; nothing is dropped silently. The library prints nothing and never calls exit().
// Exceptions can still come through: std::bad_alloc when memory runs out, and whatever a ConceptSink or a
// std::ostream with exceptions() enabled that the caller passes in throws.
//
// Threads. validate_tbx_file() runs its RELAX NG pass beside the native one on a second thread; otherwise the
// library runs on the caller's thread. Its only global state is libxml2's one-time set-up (under a
// std::once_flag) and AtomicOutputFile's fixed table of pending temporary files (atomic flags, for signal
// handlers). Use from several threads at once is not tested yet: at least, never share one Diagnostics,
// sink or stream between threads.

#include "ilo_tbx/csv.hpp"
#include "ilo_tbx/diagnostics.hpp"
#include "ilo_tbx/embedded.hpp"
#include "ilo_tbx/emn_reader.hpp"
#include "ilo_tbx/files.hpp"
#include "ilo_tbx/format.hpp"
#include "ilo_tbx/language_tag.hpp"
#include "ilo_tbx/lint.hpp"
#include "ilo_tbx/merge.hpp"
#include "ilo_tbx/model.hpp"
#include "ilo_tbx/native_validator.hpp"
#include "ilo_tbx/resolve.hpp"
#include "ilo_tbx/tbx_reader.hpp"
#include "ilo_tbx/tool_profile.hpp"
#include "ilo_tbx/validate.hpp"
