// A thin shim over process control for the demo's isolated workers: prctl is variadic, so Swift
// cannot call it directly.
#ifndef NEWSKIT_CPROCESS_H
#define NEWSKIT_CPROCESS_H

/// Asks the kernel to kill this process when its parent dies (Linux: PR_SET_PDEATHSIG with
/// SIGKILL). Returns 0 on success, -1 where the system has no such call (the caller then watches
/// getppid() itself).
int nk_die_with_parent(void);

#endif
