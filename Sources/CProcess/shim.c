#include <pthread.h>
#include "CProcess.h"
#include <signal.h>
#include <string.h>

static volatile sig_atomic_t interrupts = 0;

static void count_interrupt(int signal) {
    (void)signal;
    interrupts = interrupts + 1;
}

void nk_count_interrupts(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = count_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

int nk_interrupts(void) {
    return (int)interrupts;
}

void nk_default_interrupts(void) {
    signal(SIGINT, SIG_DFL);
}

#if defined(__linux__)
#include <sys/prctl.h>

int nk_die_with_parent(void) {
    return prctl(PR_SET_PDEATHSIG, SIGKILL) == 0 ? 0 : -1;
}
#else
int nk_die_with_parent(void) {
    return -1;
}
#endif
