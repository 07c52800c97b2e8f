// A system library loaded at its first use, for the C shims of libraries that most runs never
// call (libcurl, libpq): the program starts without them and their chains of dependencies.
#ifndef NEWSKIT_CLAZYLIBRARY_H
#define NEWSKIT_CLAZYLIBRARY_H

/// One library: the file names to try in order, what to tell a user who lacks it, and the
/// handle once loaded (NULL until then; set once, under a lock).
typedef struct {
    const char *const *names;
    int nameCount;
    /// e.g. "libcurl (Debian: apt-get install libcurl4) to fetch pages"
    const char *missing;
    void *handle;
} nk_lazy_library;

/// The address of `name` in `library`, which is loaded on the first call. When the library or
/// the symbol cannot be found, says so on standard error and stops the program, as the loader
/// would have at start had the library been linked.
void *nk_lazy_symbol(nk_lazy_library *library, const char *name);

// One resolved pointer per function, read and written atomically (a race only resolves twice);
// declares `real`, the function's true address, of type `type` (NK_LAZY: the function's own).
#define NK_LAZY_AS(library, type, name) \
    static type nk_real_##name; \
    type real = __atomic_load_n(&nk_real_##name, __ATOMIC_ACQUIRE); \
    if (!real) { real = (type)nk_lazy_symbol(library, #name); __atomic_store_n(&nk_real_##name, real, __ATOMIC_RELEASE); }
#define NK_LAZY(library, name) NK_LAZY_AS(library, __typeof__(&name), name)

#endif
