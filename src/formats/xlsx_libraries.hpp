// libxlsxwriter and libzip, loaded when a workbook is first written or read instead of at every start of the tool.
#pragma once

#include <xlsxwriter.h>
#include <zip.h>

#include <string>

namespace ilo::xlsx_libraries {

// Both libraries (and what they load in turn: OpenSSL's libcrypto, minizip, bzip2) were three fifths of the
// dynamic loader's work at every start of ilo-tbx, even for commands that never touch a workbook. So they are
// not linked: the first workbook opens them with dlopen, by the soname the build found, and looks up the
// functions ilo-tbx calls. The Debian package depends on them by name (cmake/Packaging.cmake).

// The libxlsxwriter functions the XLSX writer calls.
struct Writer {
    decltype(&::workbook_new_opt) workbook_new_opt;
    decltype(&::workbook_set_properties) workbook_set_properties;
    decltype(&::workbook_add_worksheet) workbook_add_worksheet;
    decltype(&::workbook_add_format) workbook_add_format;
    decltype(&::format_set_bold) format_set_bold;
    decltype(&::format_set_num_format) format_set_num_format;
    decltype(&::worksheet_write_string) worksheet_write_string;
    decltype(&::worksheet_write_blank) worksheet_write_blank;
    decltype(&::workbook_close) workbook_close;
    decltype(&::lxw_strerror) lxw_strerror;
};

// The libzip functions the XLSX reader calls.
struct Reader {
    decltype(&::zip_source_buffer_create) zip_source_buffer_create;
    decltype(&::zip_source_free) zip_source_free;
    decltype(&::zip_open_from_source) zip_open_from_source;
    decltype(&::zip_discard) zip_discard;
    decltype(&::zip_error_init) zip_error_init;
    decltype(&::zip_error_fini) zip_error_fini;
    decltype(&::zip_error_strerror) zip_error_strerror;
    decltype(&::zip_get_num_entries) zip_get_num_entries;
    decltype(&::zip_name_locate) zip_name_locate;
    decltype(&::zip_stat_init) zip_stat_init;
    decltype(&::zip_stat_index) zip_stat_index;
    decltype(&::zip_fopen_index) zip_fopen_index;
    decltype(&::zip_fread) zip_fread;
    decltype(&::zip_fclose) zip_fclose;
    decltype(&::zip_strerror) zip_strerror;
    decltype(&::zip_file_strerror) zip_file_strerror;
};

// One library opened with dlopen, and functions looked up in it; the first failure is kept in why().
// The library is never closed: the functions found stay valid until the process ends.
class SharedLibrary {
public:
    explicit SharedLibrary(const char* soname);

    template <typename Function>
    void find(Function& function, const char* name) {
        // POSIX guarantees that a function's address survives the round trip through void*.
        function = reinterpret_cast<Function>(address_of(name));
    }

    bool ok() const { return why_.empty(); }
    const std::string& why() const { return why_; }

private:
    void* address_of(const char* name);
    void fail(std::string message);

    const char* soname_;
    void* handle_ = nullptr;
    std::string why_;
};

// The sonames the build found (libxlsxwriter.so.N, libzip.so.N), which the Debian package depends on.
const char* xlsxwriter_soname();
const char* libzip_soname();

// The loaded functions, or nullptr with `why` saying which library or function could not be loaded.
// Loaded once per process (thread-safe); the libraries stay loaded until the process ends.
const Writer* writer(std::string& why);
const Reader* reader(std::string& why);

}  // namespace ilo::xlsx_libraries
