/* Preloaded into processes run under valgrind 3.19 (Debian 12): its rt_sigsuspend wrapper writes into the mask
 * it is given, and libdispatch's main thread parks in sigsuspend on a const (read-only) mask, which crashes
 * valgrind itself. This copy of the mask is writable. Profiling only; never linked into a product. */
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

int sigsuspend(const sigset_t *mask) {
    sigset_t copy = *mask;
    return (int)syscall(SYS_rt_sigsuspend, &copy, sizeof(long));
}
