package wasm

import (
	"errors"
	"testing"
	"time"
)

// loopWAT spins forever, or counts down n iterations.
const loopWAT = `(module
  (func (export "spin") (loop br 0))
  (func (export "count") (param i64) (result i64)
    (loop
      local.get 0 i64.const 1 i64.sub local.tee 0
      i64.const 0 i64.gt_s br_if 0)
    local.get 0))`

func TestCallTimeout(t *testing.T) {
	inst := newTestInstance(t, loopWAT)
	start := time.Now()
	_, err := inst.CallTimeout(20*time.Millisecond, "spin")
	elapsed := time.Since(start)
	var tr *Trap
	if !errors.As(err, &tr) || tr.Kind != TrapTimeout || !errors.Is(err, ErrTimeout) || tr.CodeName != "interrupt" {
		t.Fatalf("spin with a timeout: %v (%#v)", err, tr)
	}
	if elapsed < 20*time.Millisecond || elapsed > 5*time.Second {
		t.Errorf("timed out after %v, want about 20ms", elapsed)
	}
	// The instance stays usable, and calls without a limit are not cut short.
	got, err := inst.Call("count", int64(1000))
	if err != nil || got[0] != int64(0) {
		t.Errorf("count after a timeout = %v, %v", got, err)
	}
	got, err = inst.CallTimeout(time.Minute, "count", int64(1000))
	if err != nil || got[0] != int64(0) {
		t.Errorf("count with a generous limit = %v, %v", got, err)
	}
	ticker.Lock()
	users := ticker.users
	ticker.Unlock()
	if users != 0 {
		t.Errorf("%d ticker users left after the calls", users)
	}
}

func TestTickerBalance(t *testing.T) {
	AcquireTicker()
	AcquireTicker()
	ReleaseTicker()
	ReleaseTicker()
	ReleaseTicker() // extra releases are ignored
	ticker.Lock()
	defer ticker.Unlock()
	if ticker.users != 0 || ticker.stop != nil {
		t.Errorf("users %d, running %v", ticker.users, ticker.stop != nil)
	}
}
