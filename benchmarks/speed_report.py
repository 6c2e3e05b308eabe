# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The speed benchmark's reports: speed.csv, speed.md and the progress lines.

Every row's ratio is time(variant) / time(reference) (`timing.RATIO_DIRECTION`),
stated in a comment line at the top of the CSV and in the markdown.
"""

import csv

from benchmarks import speed_augment
from benchmarks import speed_counterparts
from benchmarks import speed_digits_step
from benchmarks import speed_end_to_end
from benchmarks import speed_keras
from benchmarks import speed_losses_alone
from benchmarks import speed_losses_vs_upstream
from benchmarks import speed_penalties
from benchmarks import tables
from benchmarks import timing

__all__ = ['CSV_FIELDS', 'log_row', 'ratio_cell', 'read_csv', 'write_csv',
           'write_markdown']

CSV_FIELDS = ('part', 'name', 'setting', 'variant', 'reference', 'variant_ms',
              'reference_ms', 'ratio', 'ratio_low', 'ratio_high', 'repeats',
              'note')


def log_row(row):
  """Prints one finished row (progress on stdout)."""
  print('%-20s %-28s %-40s %8.3f ms vs %8.3f ms  ratio %.3f' % (
      row['part'], row['name'][:28], row['setting'][:40], row['variant_ms'],
      row['reference_ms'], row['ratio']), flush=True)


def write_csv(rows, path):
  """speed.csv: one line per row, after a comment line with the direction."""
  tables.write_csv(path, CSV_FIELDS, rows, comment_lines=[
      timing.RATIO_DIRECTION + '; ms: median milliseconds per step or call'])


def read_csv(path):
  """(the comment line, the rows as dicts of strings) of a `write_csv` file.

  Raises:
    ValueError: if the columns are not `CSV_FIELDS`.
  """
  with open(path) as f:
    comment = f.readline()
    reader = csv.DictReader(f)
    if tuple(reader.fieldnames) != CSV_FIELDS:
      raise ValueError('%s has columns %s, not %s.' % (
          path, reader.fieldnames, CSV_FIELDS))
    return comment, list(reader)


def ratio_cell(row):
  """'ratio (low–high)' of a `timing.ratio_row`."""
  return '%.3f (%.3f–%.3f)' % (row['ratio'], row['ratio_low'],
                               row['ratio_high'])


def _part(rows, part):
  return [r for r in rows if r['part'] == part]


def _losses_vs_upstream(rows, settings):
  f = tables.fmt
  return [
      '## 1. Each loss vs its upstream counterpart: digits GAN training '
      'step, graph mode', '',
      'Batch %d, the digits example\'s networks, a fixed real batch; one '
      'step = generator, discriminator and global-step ops, run one after '
      'the other as `tfgan.gan_train` runs them; %d steps per block.' % (
          speed_digits_step.BATCH, settings['step_block']), '',
      tables.markdown_table(
          ['loss', 'upstream counterpart', 'tfgan_ext ms/step',
           'upstream ms/step', 'ratio tfgan_ext / upstream (min–max)',
           'note'],
          [[r['name'], r['reference'].replace('upstream ', ''),
            f(r['variant_ms'], 2), f(r['reference_ms'], 2), ratio_cell(r),
            r['note']] for r in _part(rows, speed_losses_vs_upstream.PART)]),
      '']


def _losses_alone(rows, settings):
  part = _part(rows, speed_losses_alone.PART)
  settings_seen = list(dict.fromkeys(r['setting'] for r in part))
  table = []
  for name in dict.fromkeys(r['name'] for r in part):
    cells = [name]
    for setting in settings_seen:
      match = [r for r in part if r['name'] == name
               and r['setting'] == setting]
      cells.append('%.2f (%s ms)' % (match[0]['ratio'], tables.fmt(
          match[0]['variant_ms'], 3)) if match else '—')
    table.append(cells)
  alone = sorted({r['name'] for r in part
                  if not speed_counterparts.counterpart(r['name']).exact})
  return [
      '## 2. Each loss alone: forward + backward', '',
      'Generator loss + discriminator loss on random logits [batch, 1], and '
      'their gradients with respect to both logit tensors. Graph: one '
      '`Session.run` (inputs are variables, so nothing is constant-folded); '
      'eager: a GradientTape; XLA: the same function under '
      '`tf.function(jit_compile=True)`. The per-call times include each '
      'mode\'s dispatch overhead, which dominates at batch %d.'
      % min(settings['batches']), '',
      'Cells: ratio tfgan_ext / counterpart (tfgan_ext ms per call). '
      'Counterparts as in part 1%s.' % (
          '; %s (no counterpart) %s compared with upstream `%s`' % (
              ' and '.join('`%s`' % n for n in alone),
              'is' if len(alone) == 1 else 'are',
              speed_counterparts.REFERENCE) if alone else ''), '',
      tables.markdown_table(['loss'] + settings_seen, table), '']


def _penalties(rows, settings):
  return [
      '## 3. Penalty overhead per training step', '',
      'The digits GAN step of part 1 with a penalty added to the '
      'discriminator loss through `tfgan_ext.losses.with_penalty`, against '
      'the same step without it (all variants interleaved in each repeat; %d '
      'steps per block, a multiple of 16 so lazy R1 runs on exactly 1 step '
      'in 16).' % settings['step_block'], '',
      _overhead_table(_part(rows, speed_penalties.PART), 'penalty',
                      'unpenalized ms/step'), '',
      'The last row compares the two WGAN-GP implementations directly '
      '(ratio − 1 of tfgan_ext\'s step over upstream\'s).', '']


def _end_to_end(rows, settings):
  f = tables.fmt
  hparams = speed_digits_step.digits_hparams()
  lines = [
      '## 4. End to end: `tfgan.gan_train` vs hand-written loops and Keras '
      '`fit`', '',
      'The digits GAN (batch %d, the example\'s networks, tf.data input '
      'pipeline over the sklearn digits, tfgan_ext\'s `%s` losses, '
      '`tf.compat.v1.train.AdamOptimizer` (lr %g, beta1 %g, beta2 %g)) for '
      '%d timed steps after %d warm-up steps, %d repeat(s). '
      '`tfgan.gan_train` runs without checkpoints or summaries '
      '(`logdir=None`), with its default sequential hooks (generator step, '
      'then discriminator step, then the global step: three `Session.run` '
      'calls and two forward passes per step).' % (
          speed_digits_step.BATCH, hparams.gan_loss, hparams.generator_lr,
          hparams.adam_beta1, hparams.adam_beta2, settings['e2e_steps'],
          settings['e2e_warmup'], settings['e2e_repeats']), '',
      'The Keras rows train the same networks as Keras models '
      '(examples/digits/keras_networks.py) through `tfgan_ext.keras.GANModel.'
      'fit` (examples/digits/keras_speed.py), one `fit` call per block, '
      'its steps timed from the end of its first step to the end of its '
      'last (the call\'s own set-up and end, where deleting the `tf.data` '
      'iterator waits up to seconds for its autotune thread, are left out '
      'as gan_train\'s session set-up is): the separate step (generator '
      'update, then '
      'discriminator update, as gan_train) and the fused step (one forward '
      'pass, both updates). Keras\' Adam (epsilon 1e-7) has the same '
      'learning rate and betas.', '']
  part = _part(rows, speed_end_to_end.PART)
  if part:
    gan_train_ms = part[0]['reference_ms']
    table = [[speed_end_to_end.GAN_TRAIN, f(gan_train_ms, 2),
              f(1e3 / gan_train_ms, 1), '1 (reference)']]
    table += [[r['name'], f(r['variant_ms'], 2), f(1e3 / r['variant_ms'], 1),
               ratio_cell(r)] for r in part]
    lines += [tables.markdown_table(
        ['loop', 'ms/step', 'steps/s',
         'ratio loop / gan_train (min–max); < 1: the loop is faster'],
        table), '']
  return lines


def _distribute(rows, settings):
  part = _part(rows, speed_keras.PART_DISTRIBUTE)
  if not part:
    return []
  f = tables.fmt
  return [
      '## 5. tf.distribute: MirroredStrategy over 2 logical CPU devices', '',
      'The Keras 3 digits trainer (separate step, global batch 64: 32 per '
      'replica, synchronized batch norm in the generator) under '
      '`tf.distribute.MirroredStrategy` over 2 logical devices of this CPU, '
      'against the default strategy on one device, timed in a child process '
      '(logical devices are set before TensorFlow starts; %d steps per '
      'block, %d repeat(s)). The two logical devices share the same cores: '
      'this is the overhead of replicas and all-reduces, a correctness-and-'
      'overhead figure, not a speed-up claim.' % (
          settings['e2e_steps'], settings['e2e_repeats']), '',
      tables.markdown_table(
          ['variant', 'reference', 'ms/step', 'reference ms/step',
           'ratio (min–max); > 1: slower than one device'],
          [[r['variant'], r['reference'], f(r['variant_ms'], 2),
            f(r['reference_ms'], 2), ratio_cell(r)] for r in part]), '']


def _overhead_table(part, first_header, reference_header):
  """Rows of one part as 'overhead = ratio - 1' with its range."""
  f = tables.fmt
  return tables.markdown_table(
      [first_header, 'against', 'ms/step', reference_header,
       'overhead = ratio − 1 (min–max)'],
      [[r['name'], r['reference'], f(r['variant_ms'], 2),
        f(r['reference_ms'], 2), '%+.0f%% (%+.0f%% to %+.0f%%)' % (
            100 * (r['ratio'] - 1), 100 * (r['ratio_low'] - 1),
            100 * (r['ratio_high'] - 1))] for r in part])


def _augment(rows, settings):
  part = _part(rows, speed_augment.PART)
  if not part:
    return []
  return [
      '## 6. Augmentation and generator-averaging overhead per training step',
      '',
      'The digits GAN step of part 1 (the example\'s loss) with the '
      'generator\'s moving average (`tfgan_ext.addons.GeneratorAverage`), '
      'DiffAugment\'s three policies or ADA (`tfgan_ext.addons.DiffAugment`, '
      '`ADA`) inside the discriminator, against the same step '
      'without them (all variants interleaved in each repeat; %d steps per '
      'block).' % settings['step_block'], '',
      _overhead_table(part, 'variant', 'reference ms/step'), '']


def write_markdown(rows, path, settings, mode, env_lines, wall_minutes):
  """speed.md: the environment, the ratio direction, one section per part."""
  lines = ['# Speed (`python -m benchmarks.speed%s`)' % (
      ' --quick' if mode == 'quick' else ''), '']
  lines += env_lines
  lines += [
      '- mode: %s; one process, TensorFlow\'s default thread pools (all '
      'cores), CPU only; total wall time %.1f min.' % (mode, wall_minutes),
      '',
      'Every ratio compares variants timed in alternating blocks within this '
      'run (order reversed or shuffled each repeat). **Every ratio is '
      'time(variant) / time(reference)**: the median over %d repeats of the '
      'per-repeat ratio, with the smallest and largest per-repeat ratio in '
      'brackets; **< 1 means the variant (tfgan_ext, the penalized step, the '
      'hand-written loop) is faster**. Milliseconds are medians too, and are '
      'only indicative on a shared machine; the ratios are what to read.'
      % settings['repeats'], '']
  lines += _losses_vs_upstream(rows, settings)
  lines += _losses_alone(rows, settings)
  lines += _penalties(rows, settings)
  lines += _end_to_end(rows, settings)
  lines += _distribute(rows, settings)
  lines += _augment(rows, settings)
  lines += ['Machine-readable: `speed.csv` (every row above, with the '
            'per-repeat minimum and maximum ratios; its first line states '
            'the ratio\'s direction).', '']
  with open(path, 'w') as f_out:
    f_out.write('\n'.join(lines))
