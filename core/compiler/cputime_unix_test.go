//go:build unix

package compiler_test

import (
	"syscall"
	"time"
)

// cpuTime is the processor time the test process has used (user and
// system, every thread): on a busy machine a compile's own cost, where
// its wall time also counts the waits for a processor.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
