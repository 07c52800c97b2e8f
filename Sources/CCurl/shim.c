#include "CCurl.h"
#include <string.h>

// On Linux libcurl is loaded when it is first used, not when the program starts: its chain of
// libraries (TLS, Kerberos, LDAP, SSH …, 25 shared objects on Debian) costs every process
// several milliseconds of loading and relocation, and most runs (extracting saved pages) never
// fetch. The functions NewsKit calls are defined here and forward to the real ones, found with
// dlsym in libcurl.so.4. When libcurl cannot be loaded, the first call says so and stops the
// program, as the loader did before when it was linked.
#if defined(__linux__)
#include "CLazyLibrary.h"

static const char *const nk_curl_names[] = { "libcurl.so.4", "libcurl.so", "libcurl-gnutls.so.4" };
static nk_lazy_library nk_curl = { nk_curl_names, 3, "libcurl (Debian: apt-get install libcurl4) to fetch pages", 0 };

#define NK_RESOLVE(name) NK_LAZY(&nk_curl, name)
#define NK_RESOLVE_AS(type, name) NK_LAZY_AS(&nk_curl, type, name)

typedef CURLcode (*nk_setopt_fn)(CURL *, CURLoption, ...);
typedef CURLcode (*nk_getinfo_fn)(CURL *, CURLINFO, ...);
typedef CURLMcode (*nk_multi_setopt_fn)(CURLM *, CURLMoption, ...);

static nk_setopt_fn nk_setopt(void) { NK_RESOLVE_AS(nk_setopt_fn, curl_easy_setopt) return real; }
static nk_getinfo_fn nk_getinfo(void) { NK_RESOLVE_AS(nk_getinfo_fn, curl_easy_getinfo) return real; }
static nk_multi_setopt_fn nk_multi_setopt(void) { NK_RESOLVE_AS(nk_multi_setopt_fn, curl_multi_setopt) return real; }

CURLcode curl_global_init(long flags) { NK_RESOLVE(curl_global_init) return real(flags); }
CURL *curl_easy_init(void) { NK_RESOLVE(curl_easy_init) return real(); }
void curl_easy_cleanup(CURL *handle) { NK_RESOLVE(curl_easy_cleanup) real(handle); }
const char *curl_easy_strerror(CURLcode code) { NK_RESOLVE(curl_easy_strerror) return real(code); }
struct curl_slist *curl_slist_append(struct curl_slist *list, const char *text) {
    NK_RESOLVE(curl_slist_append) return real(list, text);
}
void curl_slist_free_all(struct curl_slist *list) { NK_RESOLVE(curl_slist_free_all) real(list); }
curl_version_info_data *curl_version_info(CURLversion age) {
    NK_RESOLVE(curl_version_info) return real(age);
}
CURLM *curl_multi_init(void) { NK_RESOLVE(curl_multi_init) return real(); }
CURLMcode curl_multi_cleanup(CURLM *multi) { NK_RESOLVE(curl_multi_cleanup) return real(multi); }
CURLMcode curl_multi_add_handle(CURLM *multi, CURL *handle) {
    NK_RESOLVE(curl_multi_add_handle) return real(multi, handle);
}
CURLMcode curl_multi_remove_handle(CURLM *multi, CURL *handle) {
    NK_RESOLVE(curl_multi_remove_handle) return real(multi, handle);
}
CURLMcode curl_multi_perform(CURLM *multi, int *running) {
    NK_RESOLVE(curl_multi_perform) return real(multi, running);
}
CURLMcode curl_multi_poll(CURLM *multi, struct curl_waitfd extra[], unsigned int count, int timeout, int *ready) {
    NK_RESOLVE(curl_multi_poll)
    return real(multi, extra, count, timeout, ready);
}
CURLMcode curl_multi_wakeup(CURLM *multi) { NK_RESOLVE(curl_multi_wakeup) return real(multi); }
CURLMsg *curl_multi_info_read(CURLM *multi, int *queued) {
    NK_RESOLVE(curl_multi_info_read) return real(multi, queued);
}
#else
// Elsewhere (macOS) libcurl is linked as usual: it is part of the system.
#define nk_setopt() curl_easy_setopt
#define nk_getinfo() curl_easy_getinfo
#define nk_multi_setopt() curl_multi_setopt
#endif

CURLcode nk_easy_setopt_long(CURL *handle, CURLoption option, long value) { return nk_setopt()(handle, option, value); }
CURLcode nk_easy_setopt_off(CURL *handle, CURLoption option, curl_off_t value) { return nk_setopt()(handle, option, value); }
CURLcode nk_easy_setopt_string(CURL *handle, CURLoption option, const char *value) { return nk_setopt()(handle, option, value); }
CURLcode nk_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) { return nk_setopt()(handle, option, value); }
CURLcode nk_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) { return nk_setopt()(handle, option, value); }
CURLcode nk_easy_setopt_write_function(CURL *handle, CURLoption option, nk_write_callback callback) { return nk_setopt()(handle, option, callback); }
CURLcode nk_easy_setopt_xferinfo_function(CURL *handle, nk_xferinfo_callback callback) { return nk_setopt()(handle, CURLOPT_XFERINFOFUNCTION, callback); }

CURLcode nk_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) { return nk_getinfo()(handle, info, value); }
CURLcode nk_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) { return nk_getinfo()(handle, info, value); }
CURLcode nk_easy_getinfo_off(CURL *handle, CURLINFO info, curl_off_t *value) { return nk_getinfo()(handle, info, value); }
CURLcode nk_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) { return nk_getinfo()(handle, info, value); }

CURLMcode nk_multi_setopt_long(CURLM *multi, CURLMoption option, long value) { return nk_multi_setopt()(multi, option, value); }

int nk_curl_has_feature(const char *name) {
    curl_version_info_data *info = curl_version_info(CURLVERSION_NOW);
    if (!info) return 0;
    if (strcmp(name, "HTTP2") == 0) return (info->features & CURL_VERSION_HTTP2) != 0;
    if (strcmp(name, "brotli") == 0) return (info->features & CURL_VERSION_BROTLI) != 0;
    if (strcmp(name, "zstd") == 0) return (info->features & CURL_VERSION_ZSTD) != 0;
    if (strcmp(name, "libz") == 0) return (info->features & CURL_VERSION_LIBZ) != 0;
    return 0;
}
