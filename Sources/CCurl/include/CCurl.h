// A thin shim over libcurl for Swift: libcurl's setopt/getinfo calls are variadic, which Swift
// cannot call, so each is wrapped once per argument type.
#ifndef NEWSKIT_CCURL_H
#define NEWSKIT_CCURL_H

#include <curl/curl.h>

typedef size_t (*nk_write_callback)(char *data, size_t size, size_t nmemb, void *userdata);
typedef int (*nk_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow);

CURLcode nk_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode nk_easy_setopt_off(CURL *handle, CURLoption option, curl_off_t value);
CURLcode nk_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode nk_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode nk_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode nk_easy_setopt_write_function(CURL *handle, CURLoption option, nk_write_callback callback);
CURLcode nk_easy_setopt_xferinfo_function(CURL *handle, nk_xferinfo_callback callback);

CURLcode nk_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode nk_easy_getinfo_string(CURL *handle, CURLINFO info, char **value);
CURLcode nk_easy_getinfo_off(CURL *handle, CURLINFO info, curl_off_t *value);
CURLcode nk_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value);

CURLMcode nk_multi_setopt_long(CURLM *multi, CURLMoption option, long value);

/// Whether this libcurl was built with the named feature ("HTTP2", "brotli", "zstd", "libz").
int nk_curl_has_feature(const char *name);

#endif
