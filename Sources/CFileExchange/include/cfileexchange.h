#ifndef CFILEEXCHANGE_H
#define CFILEEXCHANGE_H

// renameat2 sits behind _GNU_SOURCE, which Swift's Glibc module is built without; this target compiles it
// with it and exposes a plain wrapper.

/// renameat2(RENAME_EXCHANGE): swaps the files at two paths atomically; both must exist.
/// 0, or -1 with errno set (ENOENT when either path is missing).
int cfileexchange_swap(const char *first, const char *second);

#endif
