#ifndef CSPAWN_H
#define CSPAWN_H
#include <spawn.h>

// glibc's spawn extensions sit behind _GNU_SOURCE, which Swift's Glibc module is built without; this target
// compiles them with it and exposes plain wrappers.

/// pipe2(fds, O_CLOEXEC): a pipe whose ends are close-on-exec from the start. 0, or -1 with errno set.
int cspawn_pipe_cloexec(int fds[2]);

/// posix_spawn_file_actions_addchdir_np (glibc 2.29+): the child's working directory. 0 or an error number.
int cspawn_file_actions_addchdir(posix_spawn_file_actions_t *actions, const char *path);

/// posix_spawn_file_actions_addclosefrom_np (glibc 2.34+): the child closes every descriptor from `low` up,
/// so it inherits none of the parent's sockets, pipes or event descriptors. 0 or an error number.
int cspawn_file_actions_addclosefrom(posix_spawn_file_actions_t *actions, int low);

/// POSIX_SPAWN_SETSID: the child starts a new session (so the whole group can be signalled).
short cspawn_setsid_flag(void);

#endif
