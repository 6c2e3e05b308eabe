"""Benchmarks of tfgan_ext: sample quality (`quality`) and speed (`speed`).

  python -m benchmarks.quality [--quick] [--out_dir=DIR]
  python -m benchmarks.speed [--quick] [--out_dir=DIR]

The full modes write the committed tables in benchmarks/results/.
"""
