#include "CLazyLibrary.h"

#if defined(__linux__) || defined(__APPLE__)
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>

static pthread_mutex_t nk_lazy_lock = PTHREAD_MUTEX_INITIALIZER;

void *nk_lazy_symbol(nk_lazy_library *library, const char *name) {
    void *handle = __atomic_load_n(&library->handle, __ATOMIC_ACQUIRE);
    if (!handle) {
        pthread_mutex_lock(&nk_lazy_lock);
        handle = library->handle;
        for (int i = 0; i < library->nameCount && !handle; i++) handle = dlopen(library->names[i], RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            fprintf(stderr, "NewsKit: %s could not be loaded (%s); install %s\n", library->names[0], dlerror(), library->missing);
            abort();
        }
        __atomic_store_n(&library->handle, handle, __ATOMIC_RELEASE);
        pthread_mutex_unlock(&nk_lazy_lock);
    }
    void *symbol = dlsym(handle, name);
    if (!symbol) {
        fprintf(stderr, "NewsKit: %s has no %s; install a newer %s\n", library->names[0], name, library->missing);
        abort();
    }
    return symbol;
}
#endif
