#include "CCurl.h"
#include <string.h>

CURLcode nk_easy_setopt_long(CURL *handle, CURLoption option, long value) { return curl_easy_setopt(handle, option, value); }
CURLcode nk_easy_setopt_off(CURL *handle, CURLoption option, curl_off_t value) { return curl_easy_setopt(handle, option, value); }
CURLcode nk_easy_setopt_string(CURL *handle, CURLoption option, const char *value) { return curl_easy_setopt(handle, option, value); }
CURLcode nk_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) { return curl_easy_setopt(handle, option, value); }
CURLcode nk_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) { return curl_easy_setopt(handle, option, value); }
CURLcode nk_easy_setopt_write_function(CURL *handle, CURLoption option, nk_write_callback callback) { return curl_easy_setopt(handle, option, callback); }
CURLcode nk_easy_setopt_xferinfo_function(CURL *handle, nk_xferinfo_callback callback) { return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback); }

CURLcode nk_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) { return curl_easy_getinfo(handle, info, value); }
CURLcode nk_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) { return curl_easy_getinfo(handle, info, value); }
CURLcode nk_easy_getinfo_off(CURL *handle, CURLINFO info, curl_off_t *value) { return curl_easy_getinfo(handle, info, value); }
CURLcode nk_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) { return curl_easy_getinfo(handle, info, value); }

CURLMcode nk_multi_setopt_long(CURLM *multi, CURLMoption option, long value) { return curl_multi_setopt(multi, option, value); }

int nk_curl_has_feature(const char *name) {
    curl_version_info_data *info = curl_version_info(CURLVERSION_NOW);
    if (!info) return 0;
    if (strcmp(name, "HTTP2") == 0) return (info->features & CURL_VERSION_HTTP2) != 0;
    if (strcmp(name, "brotli") == 0) return (info->features & CURL_VERSION_BROTLI) != 0;
    if (strcmp(name, "zstd") == 0) return (info->features & CURL_VERSION_ZSTD) != 0;
    if (strcmp(name, "libz") == 0) return (info->features & CURL_VERSION_LIBZ) != 0;
    return 0;
}
