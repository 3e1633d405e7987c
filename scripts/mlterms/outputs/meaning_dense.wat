;; Search by meaning's dense layers in WebAssembly (mlterms-search-meaning.js uses it where the browser
;; has 128-bit SIMD, and its plain JavaScript dense() elsewhere). Compiled to meaning_dense.wasm by
;; `make wasm` (scripts/compile_wasm.js, wabt); a test compiles it again and compares the bytes.
;;
;; dense(x, n, w, scale, bias, width, height, out), all addresses in the model's memory:
;;   out[t * height + r] = (sum over c of w[r * width + c] * x[t * width + c]) * scale[r] + bias[r]
;; x: n tokens' rows of `width` float32; w: `height` rows of `width` int8, one scale per row; width a
;; multiple of 16. Four tokens at a time: sixteen weights are widened to four float32x4 once for four
;; tokens' rows, the work plain JavaScript does one weight and one token at a time.
;; Each token's multiply-add is written out where it is used, not called: with it in a function of its
;; own, a 1536 x 384 layer over 14 tokens took 2.4 ms against 1.05 ms in node 20 (V8 does not inline it).
(module
  (import "env" "memory" (memory 1))
  (func $sum (param $v v128) (result f32)
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $v)) (f32x4.extract_lane 1 (local.get $v)))
      (f32.add (f32x4.extract_lane 2 (local.get $v)) (f32x4.extract_lane 3 (local.get $v)))))
  (func (export "dense") (param $x i32) (param $n i32) (param $w i32) (param $scale i32) (param $bias i32)
        (param $width i32) (param $height i32) (param $out i32)
    (local $r i32) (local $t i32) (local $c i32) (local $row i32) (local $stride i32) (local $xa i32)
    (local $s f32) (local $b f32)
    (local $w8 v128) (local $w16 v128) (local $w0 v128) (local $w1 v128) (local $w2 v128) (local $w3 v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $stride (i32.shl (local.get $width) (i32.const 2)))  ;; bytes per token row
    (local.set $r (i32.const 0))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $r) (local.get $height)))
        (local.set $row (i32.add (local.get $w) (i32.mul (local.get $r) (local.get $width))))
        (local.set $s (f32.load (i32.add (local.get $scale) (i32.shl (local.get $r) (i32.const 2)))))
        (local.set $b (f32.load (i32.add (local.get $bias) (i32.shl (local.get $r) (i32.const 2)))))
        (local.set $t (i32.const 0))
        ;; four tokens at a time
        (block $fours_done
          (loop $fours
            (br_if $fours_done (i32.gt_u (i32.add (local.get $t) (i32.const 4)) (local.get $n)))
            (local.set $a0 (v128.const i32x4 0 0 0 0))
            (local.set $a1 (v128.const i32x4 0 0 0 0))
            (local.set $a2 (v128.const i32x4 0 0 0 0))
            (local.set $a3 (v128.const i32x4 0 0 0 0))
            (local.set $xa (i32.add (local.get $x) (i32.mul (local.get $t) (local.get $stride))))
            (local.set $c (i32.const 0))
            (loop $cols
              (local.set $w8 (v128.load (i32.add (local.get $row) (local.get $c))))
              (local.set $w16 (i16x8.extend_low_i8x16_s (local.get $w8)))
              (local.set $w0 (f32x4.convert_i32x4_s (i32x4.extend_low_i16x8_s (local.get $w16))))
              (local.set $w1 (f32x4.convert_i32x4_s (i32x4.extend_high_i16x8_s (local.get $w16))))
              (local.set $w16 (i16x8.extend_high_i8x16_s (local.get $w8)))
              (local.set $w2 (f32x4.convert_i32x4_s (i32x4.extend_low_i16x8_s (local.get $w16))))
              (local.set $w3 (f32x4.convert_i32x4_s (i32x4.extend_high_i16x8_s (local.get $w16))))
              (local.set $a0 (f32x4.add (local.get $a0) (f32x4.add
                (f32x4.add (f32x4.mul (local.get $w0) (v128.load offset=0 (local.get $xa)))
                           (f32x4.mul (local.get $w1) (v128.load offset=16 (local.get $xa))))
                (f32x4.add (f32x4.mul (local.get $w2) (v128.load offset=32 (local.get $xa)))
                           (f32x4.mul (local.get $w3) (v128.load offset=48 (local.get $xa)))))))
              (local.set $xa (i32.add (local.get $xa) (local.get $stride)))
              (local.set $a1 (f32x4.add (local.get $a1) (f32x4.add
                (f32x4.add (f32x4.mul (local.get $w0) (v128.load offset=0 (local.get $xa)))
                           (f32x4.mul (local.get $w1) (v128.load offset=16 (local.get $xa))))
                (f32x4.add (f32x4.mul (local.get $w2) (v128.load offset=32 (local.get $xa)))
                           (f32x4.mul (local.get $w3) (v128.load offset=48 (local.get $xa)))))))
              (local.set $xa (i32.add (local.get $xa) (local.get $stride)))
              (local.set $a2 (f32x4.add (local.get $a2) (f32x4.add
                (f32x4.add (f32x4.mul (local.get $w0) (v128.load offset=0 (local.get $xa)))
                           (f32x4.mul (local.get $w1) (v128.load offset=16 (local.get $xa))))
                (f32x4.add (f32x4.mul (local.get $w2) (v128.load offset=32 (local.get $xa)))
                           (f32x4.mul (local.get $w3) (v128.load offset=48 (local.get $xa)))))))
              (local.set $xa (i32.add (local.get $xa) (local.get $stride)))
              (local.set $a3 (f32x4.add (local.get $a3) (f32x4.add
                (f32x4.add (f32x4.mul (local.get $w0) (v128.load offset=0 (local.get $xa)))
                           (f32x4.mul (local.get $w1) (v128.load offset=16 (local.get $xa))))
                (f32x4.add (f32x4.mul (local.get $w2) (v128.load offset=32 (local.get $xa)))
                           (f32x4.mul (local.get $w3) (v128.load offset=48 (local.get $xa)))))))
              ;; back to the first token's row, sixteen columns on
              (local.set $xa (i32.add (i32.sub (local.get $xa) (i32.mul (local.get $stride) (i32.const 3))) (i32.const 64)))
              (local.set $c (i32.add (local.get $c) (i32.const 16)))
              (br_if $cols (i32.lt_u (local.get $c) (local.get $width))))
            (call $put (local.get $out) (local.get $t) (local.get $height) (local.get $r) (local.get $a0) (local.get $s) (local.get $b))
            (call $put (local.get $out) (i32.add (local.get $t) (i32.const 1)) (local.get $height) (local.get $r) (local.get $a1) (local.get $s) (local.get $b))
            (call $put (local.get $out) (i32.add (local.get $t) (i32.const 2)) (local.get $height) (local.get $r) (local.get $a2) (local.get $s) (local.get $b))
            (call $put (local.get $out) (i32.add (local.get $t) (i32.const 3)) (local.get $height) (local.get $r) (local.get $a3) (local.get $s) (local.get $b))
            (local.set $t (i32.add (local.get $t) (i32.const 4)))
            (br $fours)))
        ;; the last tokens, one at a time
        (block $ones_done
          (loop $ones
            (br_if $ones_done (i32.ge_u (local.get $t) (local.get $n)))
            (local.set $a0 (v128.const i32x4 0 0 0 0))
            (local.set $xa (i32.add (local.get $x) (i32.mul (local.get $t) (local.get $stride))))
            (local.set $c (i32.const 0))
            (loop $cols1
              (local.set $w8 (v128.load (i32.add (local.get $row) (local.get $c))))
              (local.set $w16 (i16x8.extend_low_i8x16_s (local.get $w8)))
              (local.set $w0 (f32x4.convert_i32x4_s (i32x4.extend_low_i16x8_s (local.get $w16))))
              (local.set $w1 (f32x4.convert_i32x4_s (i32x4.extend_high_i16x8_s (local.get $w16))))
              (local.set $w16 (i16x8.extend_high_i8x16_s (local.get $w8)))
              (local.set $w2 (f32x4.convert_i32x4_s (i32x4.extend_low_i16x8_s (local.get $w16))))
              (local.set $w3 (f32x4.convert_i32x4_s (i32x4.extend_high_i16x8_s (local.get $w16))))
              (local.set $a0 (f32x4.add (local.get $a0) (f32x4.add
                (f32x4.add (f32x4.mul (local.get $w0) (v128.load offset=0 (local.get $xa)))
                           (f32x4.mul (local.get $w1) (v128.load offset=16 (local.get $xa))))
                (f32x4.add (f32x4.mul (local.get $w2) (v128.load offset=32 (local.get $xa)))
                           (f32x4.mul (local.get $w3) (v128.load offset=48 (local.get $xa)))))))
              (local.set $xa (i32.add (local.get $xa) (i32.const 64)))
              (local.set $c (i32.add (local.get $c) (i32.const 16)))
              (br_if $cols1 (i32.lt_u (local.get $c) (local.get $width))))
            (call $put (local.get $out) (local.get $t) (local.get $height) (local.get $r) (local.get $a0) (local.get $s) (local.get $b))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $ones)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rows))))
  (func $put (param $out i32) (param $t i32) (param $height i32) (param $r i32) (param $acc v128) (param $s f32) (param $b f32)
    (f32.store
      (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $t) (local.get $height)) (local.get $r)) (i32.const 2)))
      (f32.add (f32.mul (call $sum (local.get $acc)) (local.get $s)) (local.get $b)))))
