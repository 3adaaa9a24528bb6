(module
  (memory (export "memory") 1)
  (global $__ml_error_code (mut i32) (i32.const 0))
  (global $__ml_interrupt (export "__ml_interrupt") i32 (i32.const 8))
  (func $collatz (export "collatz") (param $n i64) (result i64)
    (local $steps i64)
    (local $tmp.i64.2 i64)
    (local $tmp.i64.3 i64)
    (local $tmp.i64.4 i64)
    i64.const 0
    local.set $steps
    block
      loop
        i32.const 0
        i32.atomic.load offset=8
        if
          i32.const 9
          global.set $__ml_error_code
          unreachable
        end
        local.get $n
        i64.const 1
        i64.eq
        br_if 1
        local.get $n
        i64.const 2
        local.set $tmp.i64.2
        local.get $tmp.i64.2
        i64.rem_s
        local.tee $tmp.i64.3
        local.get $tmp.i64.2
        local.get $tmp.i64.3
        i64.const 63
        i64.shr_s
        i64.and
        i64.add
        i64.const 0
        i64.eq
        if
          local.get $n
          i64.const 2
          local.set $tmp.i64.2
          local.tee $tmp.i64.3
          local.get $tmp.i64.2
          i64.div_s
          local.tee $tmp.i64.4
          local.get $tmp.i64.3
          local.get $tmp.i64.4
          local.get $tmp.i64.2
          i64.mul
          i64.sub
          i64.const 0
          i64.lt_s
          i64.extend_i32_u
          i64.sub
          local.set $n
        else
          i64.const 3
          local.get $n
          local.set $tmp.i64.4
          drop
          local.get $tmp.i64.4
          i64.const -3074457345618258602
          i64.sub
          i64.const 6148914691236517204
          i64.gt_u
          if
            i32.const 1
            global.set $__ml_error_code
            unreachable
          end
          local.get $tmp.i64.4
          i64.const 3
          i64.mul
          i64.const 1
          drop
          local.tee $tmp.i64.4
          i64.const 9223372036854775806
          i64.gt_s
          if
            i32.const 1
            global.set $__ml_error_code
            unreachable
          end
          local.get $tmp.i64.4
          i64.const 1
          i64.add
          local.set $n
        end
        local.get $steps
        i64.const 1
        drop
        local.tee $tmp.i64.4
        i64.const 9223372036854775806
        i64.gt_s
        if
          i32.const 1
          global.set $__ml_error_code
          unreachable
        end
        local.get $tmp.i64.4
        i64.const 1
        i64.add
        local.set $steps
        br 0
      end
    end
    local.get $steps
    return
    unreachable
  )
  (func $stepped (export "stepped") (param $a i64) (param $b i64) (param $s i64) (result i64)
    (local $total i64)
    (local $i i64)
    (local $tmp.i64.5 i64)
    (local $tmp.i64.6 i64)
    (local $tmp.i64.7 i64)
    (local $tmp.i64.8 i64)
    (local $tmp.i64.9 i64)
    (local $tmp.i64.10 i64)
    i64.const 0
    local.set $total
    local.get $a
    local.set $tmp.i64.5
    local.get $b
    local.set $tmp.i64.6
    local.get $s
    local.tee $tmp.i64.7
    i64.eqz
    if
      i32.const 4
      global.set $__ml_error_code
      unreachable
    end
    block
      loop
        i32.const 0
        i32.atomic.load offset=8
        if
          i32.const 9
          global.set $__ml_error_code
          unreachable
        end
        local.get $tmp.i64.5
        local.get $tmp.i64.6
        i64.ge_s
        local.get $tmp.i64.5
        local.get $tmp.i64.6
        i64.le_s
        local.get $tmp.i64.7
        i64.const 0
        i64.gt_s
        select
        br_if 1
        local.get $tmp.i64.5
        local.set $i
        block
          local.get $i
          i64.const 7
          i64.eq
          if
            br 1
          end
          local.get $i
          i64.const 100
          i64.gt_s
          if
            br 3
          end
          local.get $total
          local.get $i
          local.set $tmp.i64.9
          local.tee $tmp.i64.8
          local.get $tmp.i64.9
          i64.add
          local.set $tmp.i64.10
          local.get $tmp.i64.8
          local.get $tmp.i64.10
          i64.xor
          local.get $tmp.i64.9
          local.get $tmp.i64.10
          i64.xor
          i64.and
          i64.const 0
          i64.lt_s
          if
            i32.const 1
            global.set $__ml_error_code
            unreachable
          end
          local.get $tmp.i64.10
          local.set $total
        end
        local.get $tmp.i64.5
        local.get $tmp.i64.7
        i64.add
        local.tee $tmp.i64.10
        local.get $tmp.i64.5
        i64.xor
        local.get $tmp.i64.7
        local.get $tmp.i64.10
        i64.xor
        i64.and
        i64.const 0
        i64.lt_s
        br_if 1
        local.get $tmp.i64.10
        local.set $tmp.i64.5
        br 0
      end
    end
    local.get $total
    return
    unreachable
  )
  (func $fib (export "fib") (param $n i64) (result i64)
    (local $tail.acc i64)
    (local $tmp.i64.2 i64)
    (local $tmp.i64.3 i64)
    (local $tmp.i64.4 i64)
    i32.const 0
    i32.atomic.load offset=8
    if
      i32.const 9
      global.set $__ml_error_code
      unreachable
    end
    local.get $n
    i64.const 2
    i64.lt_s
    if
      local.get $tail.acc
      local.get $n
      local.set $tmp.i64.3
      local.tee $tmp.i64.2
      local.get $tmp.i64.3
      i64.add
      local.set $tmp.i64.4
      local.get $tmp.i64.2
      local.get $tmp.i64.4
      i64.xor
      local.get $tmp.i64.3
      local.get $tmp.i64.4
      i64.xor
      i64.and
      i64.const 0
      i64.lt_s
      if
        i32.const 1
        global.set $__ml_error_code
        unreachable
      end
      local.get $tmp.i64.4
      return
    end
    block
      loop
        local.get $tail.acc
        local.get $n
        i64.const 1
        i64.sub
        local.set $tmp.i64.4
        local.get $tmp.i64.4
        i64.const 2
        i64.lt_s
        if (result i64)
          local.get $tmp.i64.4
        else
          local.get $tmp.i64.4
          call $fib.nonneg
        end
        local.set $tmp.i64.3
        local.tee $tmp.i64.4
        local.get $tmp.i64.3
        i64.add
        local.tee $tmp.i64.2
        local.get $tmp.i64.4
        i64.lt_s
        if
          i32.const 1
          global.set $__ml_error_code
          unreachable
        end
        local.get $tmp.i64.2
        local.set $tail.acc
        local.get $n
        i64.const 2
        i64.sub
        local.set $tmp.i64.2
        local.get $tmp.i64.2
        local.set $n
        local.get $n
        i64.const 2
        i64.lt_s
        i32.eqz
        br_if 0
        br 1
      end
    end
    local.get $tail.acc
    local.get $n
    local.set $tmp.i64.3
    local.tee $tmp.i64.2
    local.get $tmp.i64.3
    i64.add
    local.set $tmp.i64.4
    local.get $tmp.i64.2
    local.get $tmp.i64.4
    i64.xor
    local.get $tmp.i64.3
    local.get $tmp.i64.4
    i64.xor
    i64.and
    i64.const 0
    i64.lt_s
    if
      i32.const 1
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i64.4
    return
    unreachable
  )
  (func $check (export "check") (param $n i64) (result i64)
    (local $tmp.i64.1 i64)
    (local $tmp.i64.2 i64)
    (local $tmp.i64.3 i64)
    (local $tmp.i64.4 i64)
    local.get $n
    i64.const 0
    i64.ge_s
    i32.eqz
    if
      i32.const 5
      global.set $__ml_error_code
      unreachable
    end
    local.get $n
    local.set $tmp.i64.1
    i64.const 10
    local.tee $tmp.i64.2
    local.get $tmp.i64.1
    local.get $tmp.i64.2
    local.get $tmp.i64.1
    i64.lt_s
    select
    local.set $tmp.i64.1
    local.get $n
    local.set $tmp.i64.3
    i64.const 3
    local.tee $tmp.i64.4
    local.get $tmp.i64.3
    local.get $tmp.i64.4
    local.get $tmp.i64.3
    i64.gt_s
    select
    local.set $tmp.i64.3
    local.get $tmp.i64.3
    local.tee $tmp.i64.2
    local.get $tmp.i64.1
    local.get $tmp.i64.2
    local.get $tmp.i64.1
    i64.lt_s
    select
    local.set $tmp.i64.1
    local.get $tmp.i64.1
    return
    unreachable
  )
  (func $__ml_error (export "__ml_error") (result i32)
    global.get $__ml_error_code
  )
  (func $fib.nonneg (param $n i64) (result i64)
    (local $tail.acc i64)
    (local $tmp.i64.2 i64)
    (local $n.copy1 i64)
    (local $tail.acc.copy1 i64)
    (local $tmp.i64.5 i64)
    (local $n.copy2 i64)
    (local $tail.acc.copy2 i64)
    (local $tmp.i64.8 i64)
    (local $n.copy3 i64)
    (local $tail.acc.copy3 i64)
    (local $tmp.i64.11 i64)
    i32.const 0
    i32.atomic.load offset=8
    if
      i32.const 9
      global.set $__ml_error_code
      unreachable
    end
    local.get $n
    i64.const 2
    i64.lt_s
    if
      local.get $tail.acc
      local.get $n
      i64.add
      local.tee $tmp.i64.2
      i64.const 0
      i64.lt_s
      if
        i32.const 1
        global.set $__ml_error_code
        unreachable
      end
      local.get $tmp.i64.2
      return
    end
    block
      loop
        local.get $tail.acc
        local.get $n
        i64.const 1
        i64.sub
        local.set $tmp.i64.2
        local.get $tmp.i64.2
        i64.const 2
        i64.lt_s
        if (result i64)
          local.get $tmp.i64.2
        else
          local.get $tmp.i64.2
          local.set $n.copy1
          i64.const 0
          local.set $tail.acc.copy1
          block (result i64)
            block
              loop
                local.get $tail.acc.copy1
                local.get $n.copy1
                i64.const 1
                i64.sub
                local.set $tmp.i64.5
                local.get $tmp.i64.5
                i64.const 2
                i64.lt_s
                if (result i64)
                  local.get $tmp.i64.5
                else
                  local.get $tmp.i64.5
                  local.set $n.copy2
                  i64.const 0
                  local.set $tail.acc.copy2
                  block (result i64)
                    block
                      loop
                        local.get $tail.acc.copy2
                        local.get $n.copy2
                        i64.const 1
                        i64.sub
                        local.set $tmp.i64.8
                        local.get $tmp.i64.8
                        i64.const 2
                        i64.lt_s
                        if (result i64)
                          local.get $tmp.i64.8
                        else
                          local.get $tmp.i64.8
                          local.set $n.copy3
                          i64.const 0
                          local.set $tail.acc.copy3
                          block (result i64)
                            block
                              loop
                                local.get $tail.acc.copy3
                                local.get $n.copy3
                                i64.const 1
                                i64.sub
                                local.set $tmp.i64.11
                                local.get $tmp.i64.11
                                i64.const 2
                                i64.lt_s
                                if (result i64)
                                  local.get $tmp.i64.11
                                else
                                  local.get $tmp.i64.11
                                  call $fib.nonneg
                                end
                                i64.add
                                local.tee $tmp.i64.11
                                i64.const 0
                                i64.lt_s
                                if
                                  i32.const 1
                                  global.set $__ml_error_code
                                  unreachable
                                end
                                local.get $tmp.i64.11
                                local.set $tail.acc.copy3
                                local.get $n.copy3
                                i64.const 2
                                i64.sub
                                local.set $tmp.i64.11
                                local.get $tmp.i64.11
                                local.set $n.copy3
                                local.get $n.copy3
                                i64.const 2
                                i64.lt_s
                                i32.eqz
                                br_if 0
                                br 1
                              end
                            end
                            local.get $tail.acc.copy3
                            local.get $n.copy3
                            i64.add
                            local.tee $tmp.i64.11
                            i64.const 0
                            i64.lt_s
                            if
                              i32.const 1
                              global.set $__ml_error_code
                              unreachable
                            end
                            local.get $tmp.i64.11
                            br 0
                          end
                        end
                        i64.add
                        local.tee $tmp.i64.8
                        i64.const 0
                        i64.lt_s
                        if
                          i32.const 1
                          global.set $__ml_error_code
                          unreachable
                        end
                        local.get $tmp.i64.8
                        local.set $tail.acc.copy2
                        local.get $n.copy2
                        i64.const 2
                        i64.sub
                        local.set $tmp.i64.8
                        local.get $tmp.i64.8
                        local.set $n.copy2
                        local.get $n.copy2
                        i64.const 2
                        i64.lt_s
                        i32.eqz
                        br_if 0
                        br 1
                      end
                    end
                    local.get $tail.acc.copy2
                    local.get $n.copy2
                    i64.add
                    local.tee $tmp.i64.8
                    i64.const 0
                    i64.lt_s
                    if
                      i32.const 1
                      global.set $__ml_error_code
                      unreachable
                    end
                    local.get $tmp.i64.8
                    br 0
                  end
                end
                i64.add
                local.tee $tmp.i64.5
                i64.const 0
                i64.lt_s
                if
                  i32.const 1
                  global.set $__ml_error_code
                  unreachable
                end
                local.get $tmp.i64.5
                local.set $tail.acc.copy1
                local.get $n.copy1
                i64.const 2
                i64.sub
                local.set $tmp.i64.5
                local.get $tmp.i64.5
                local.set $n.copy1
                local.get $n.copy1
                i64.const 2
                i64.lt_s
                i32.eqz
                br_if 0
                br 1
              end
            end
            local.get $tail.acc.copy1
            local.get $n.copy1
            i64.add
            local.tee $tmp.i64.5
            i64.const 0
            i64.lt_s
            if
              i32.const 1
              global.set $__ml_error_code
              unreachable
            end
            local.get $tmp.i64.5
            br 0
          end
        end
        i64.add
        local.tee $tmp.i64.2
        i64.const 0
        i64.lt_s
        if
          i32.const 1
          global.set $__ml_error_code
          unreachable
        end
        local.get $tmp.i64.2
        local.set $tail.acc
        local.get $n
        i64.const 2
        i64.sub
        local.set $tmp.i64.2
        local.get $tmp.i64.2
        local.set $n
        local.get $n
        i64.const 2
        i64.lt_s
        i32.eqz
        br_if 0
        br 1
      end
    end
    local.get $tail.acc
    local.get $n
    i64.add
    local.tee $tmp.i64.2
    i64.const 0
    i64.lt_s
    if
      i32.const 1
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i64.2
    return
    unreachable
  )
)
