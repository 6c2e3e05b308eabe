# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
r"""MNIST speed: TF-GAN's MNIST networks at batch 64, through every trainer.

  python -m benchmarks.mnist_speed           # the committed mnist_speed.md
  python -m benchmarks.mnist_speed --tf_keras   # mnist_speed_tf_keras.md
  python -m benchmarks.mnist_speed --quick   # seconds: batch 8 (CI)

TF-GAN's unconditional MNIST generator and discriminator (the digits
example's `--networks=tfgan_mnist`, noise 64; for Keras `fit` their Keras
port, examples/digits/keras_networks.py) on the packaged MNIST at batch 64,
with the non-saturating loss and the examples' Adam settings, trained by:

- `tfgan.gan_train`, the reference: its default sequential hooks (the
  generator's step, then the discriminator's: two forward passes),
  `logdir=None`;
- `tfgan.estimator.GANEstimator`, built as the digits example builds it
  (`estimator_train_lib.estimator_for`: its hooks, no checkpoint or summary
  inside the timed steps);
- a hand-written `tf.function` GradientTape loop with one forward pass and
  two tapes (the TF 2 DCGAN tutorial's loop) on the Keras 3 port: TF-GAN's
  spectral-normalization custom getter, in its MNIST discriminator, only
  works in graph mode (in a `tf.function` its normalized kernel is cached
  across graphs), so the TF-1 network functions cannot be traced there;
- `tfgan_ext.keras.GANModel.fit` with the separate step (as gan_train)
  and the fused one (one forward pass): Keras 3 in the main run; tf-keras
  with `--tf_keras`, in a run of its own against gan_train alone, because
  GANEstimator's `train` builds TF-GAN's `tf.layers` (tf-keras layers under
  TF_USE_LEGACY_KERAS) in a new graph at every call, and tf-keras then
  refuses to call its models built outside that graph ("Your Layer or
  Model is in an invalid state").

Every repeat times each trainer for the same number of steps after its
warm-up, in a shuffled order (`timing.interleaved`): steps only, without
a session's, graph's or `fit` call's set-up and end (`keras_speed.Timed`
says why that matters for `fit`); ms/step are medians
over the repeats, ratios medians of the per-repeat ratios. Writes
mnist_speed.md and mnist_speed.csv (`speed_report.CSV_FIELDS`).
"""

import functools
import os
import sys
import tempfile
import time

import tensorflow as tf

import tfgan_ext
from benchmarks import environment
from benchmarks import speed_end_to_end
from benchmarks import speed_keras
from benchmarks import speed_report
from benchmarks import tables
from benchmarks import timing
from examples.common import logs
from examples.digits import estimator_train_lib
from examples.digits import keras_networks
from examples.digits import keras_train_lib
from examples.digits import train_lib

__all__ = ['FIELDS', 'GAN_TRAIN', 'MODES', 'EstimatorLoop', 'KerasTapeLoop',
           'PART', 'loops', 'main', 'rows_of']

PART = 'MNIST, TF-GAN networks'
GAN_TRAIN = speed_end_to_end.GAN_TRAIN
# The trainers' common settings: TF-GAN's MNIST networks and noise size on
# the packaged MNIST (no download), the headline's loss.
FIELDS = dict(dataset='mnist', mnist_source='package', networks='tfgan_mnist',
              noise_dims=64, gan_loss='non_saturating')
MODES = {
    'quick': dict(batch_size=8, steps=2, warmup=1, repeats=1,
                  keras_packages=('keras',), graph_trainers=True,
                  base='mnist_speed', flag=' --quick'),
    'full': dict(batch_size=64, steps=50, warmup=10, repeats=5,
                 keras_packages=('keras',), graph_trainers=True,
                 base='mnist_speed', flag=''),
    # gan_train builds its graph once, before the Keras models; GANEstimator
    # (a new graph per `train`) and the Keras 3 tape loop stay out.
    'tf_keras': dict(batch_size=64, steps=50, warmup=10, repeats=5,
                     keras_packages=('tf_keras',), graph_trainers=False,
                     base='mnist_speed_tf_keras', flag=' --tf_keras'),
}
_LABEL = {'keras': 'Keras 3', 'tf_keras': 'tf-keras'}


class EstimatorLoop:
  """The digits example's GANEstimator, trained `steps` more per timing.

  Each `train` call builds the Estimator's graph and restores its last
  checkpoint (the warm-up steps absorb that); the timed steps run without
  checkpoints, summaries or step logs.

  Args:
    hparams: A digits `train_lib.HParams`.
    model_dir: The Estimator's directory (its checkpoints).
  """

  def __init__(self, hparams, model_dir):
    never = 10**9
    run = hparams._replace(train_log_dir=model_dir,
                           save_checkpoint_steps=never,
                           save_summaries_steps=never,
                           log_every_n_steps=never)
    self._estimator = estimator_train_lib.estimator_for(
        run, train_lib.addons(run))
    self._input_fn = estimator_train_lib.input_fn(run, seed=0)

  def seconds_per_step(self, steps, warmup):
    timer = speed_end_to_end.StepTimerHook(warmup)
    self._estimator.train(self._input_fn, steps=steps + warmup,
                          hooks=[timer])
    return timer.seconds_per_step()


class KerasTapeLoop:
  """TF-GAN's MNIST networks (Keras 3 port) in a hand-written tape loop.

  One forward pass and two GradientTapes per step, both Adam updates
  (Keras' Adam, the examples' settings), the networks' weight decay
  (`Model.losses`) added to each player's loss as `gan_train_ops` adds the
  regularization losses; `tf.data` batches of `keras_train_lib`.

  Args:
    hparams: A digits `train_lib.HParams` with networks='tfgan_mnist'.
  """

  def __init__(self, hparams):
    K = keras_train_lib.keras_package('keras')
    K.utils.set_random_seed(hparams.seed)
    generator = keras_networks.tfgan_mnist_generator(K, hparams.noise_dims)
    discriminator = keras_networks.tfgan_mnist_discriminator(K)
    betas = (hparams.adam_beta1, hparams.adam_beta2)
    g_opt = K.optimizers.Adam(hparams.generator_lr, *betas)
    d_opt = K.optimizers.Adam(hparams.discriminator_lr, *betas)
    pair = tfgan_ext.losses.get(hparams.gan_loss)
    g_loss_fn = pair.generator_loss_fn.args_loss_fn
    d_loss_fn = pair.discriminator_loss_fn.args_loss_fn
    self._iterator = iter(keras_train_lib.training_data(hparams))

    def with_decay(loss, model):
      return loss + tf.add_n(model.losses) if model.losses else loss

    @tf.function
    def step(iterator):
      noise, real = next(iterator)
      with tf.GradientTape() as g_tape, tf.GradientTape() as d_tape:
        fake = generator(noise, training=True)
        d_real = discriminator(real, training=True)
        d_gen = discriminator(fake, training=True)
        g_loss = with_decay(g_loss_fn(d_gen), generator)
        d_loss = with_decay(d_loss_fn(d_real, d_gen), discriminator)
      g_vars = generator.trainable_variables
      d_vars = discriminator.trainable_variables
      g_opt.apply_gradients(zip(g_tape.gradient(g_loss, g_vars), g_vars))
      d_opt.apply_gradients(zip(d_tape.gradient(d_loss, d_vars), d_vars))
      return g_loss, d_loss

    self._step = step

  def seconds_per_step(self, steps, warmup):
    return speed_end_to_end.seconds_per_step(self._step, self._iterator,
                                             steps, warmup)


def loops(settings, model_dir):
  """{trainer name: object with seconds_per_step(steps, warmup)}."""
  fields = dict(FIELDS, batch_size=settings['batch_size'])
  hparams = train_lib.HParams(**fields)
  result = {GAN_TRAIN: speed_end_to_end.GanTrainLoop(hparams)}
  if settings['graph_trainers']:
    result['GANEstimator'] = EstimatorLoop(hparams, model_dir)
    result['tf.function loop, simultaneous (Keras 3 port)'] = (
        KerasTapeLoop(hparams))
  for package in settings['keras_packages']:
    for fused in (False, True):
      result['%s fit, %s step' % (_LABEL[package],
                                  'fused' if fused else 'separate')] = (
                                      speed_keras.KerasLoop(
                                          package, fused, settings['warmup'],
                                          **fields))
  return result


def rows_of(times, settings):
  """Ratio rows: every trainer against gan_train, fused against separate."""
  setting = 'TF-GAN MNIST networks, batch %d' % settings['batch_size']
  steps = settings['steps']
  rows = [timing.ratio_row(PART, name, setting, name, GAN_TRAIN, times[name],
                           times[GAN_TRAIN], steps)
          for name in times if name != GAN_TRAIN]
  for package in settings['keras_packages']:
    fused = '%s fit, fused step' % _LABEL[package]
    separate = '%s fit, separate step' % _LABEL[package]
    rows.append(timing.ratio_row(PART, '%s fused / separate' % _LABEL[package],
                                 setting, fused, separate, times[fused],
                                 times[separate], steps))
  return rows


def markdown(rows, settings, mode, env_lines, wall_minutes):
  """The lines of mnist_speed.md."""
  f = tables.fmt
  against = [r for r in rows if r['reference'] == GAN_TRAIN]
  fused = [r for r in rows if r['reference'] != GAN_TRAIN]
  reference_ms = against[0]['reference_ms']
  lines = ['# MNIST speed (`python -m benchmarks.mnist_speed%s`)' % (
      settings['flag']), ''] + env_lines + [
          '- mode: %s; one process, TensorFlow\'s default thread pools (all '
          'cores), CPU only; total wall time %.1f min.' % (mode,
                                                            wall_minutes),
          '- batch %d, %d timed steps per trainer and repeat after %d '
          'warm-up steps, %d repeat(s) in shuffled order.' % (
              settings['batch_size'], settings['steps'], settings['warmup'],
              settings['repeats']), '',
          'TF-GAN\'s unconditional MNIST networks (their Keras port for '
          '`fit`), the packaged MNIST, the non-saturating loss, the '
          'examples\' Adam. `tfgan.gan_train`: its sequential hooks (G step, '
          'then D step), `logdir=None`. GANEstimator: as the digits example '
          'builds it (its hooks; no checkpoint, summary or log inside the '
          'timed steps). The `tf.function` loop: one forward pass, two tapes '
          '(the TF 2 DCGAN tutorial\'s), on the Keras 3 port (TF-GAN\'s '
          'spectral-normalization getter cannot be traced in a '
          '`tf.function`). Keras `fit`: `tfgan_ext.keras.'
          'GANModel`, separate step (as gan_train) and fused step (one '
          'forward pass for both updates); one `fit` call per repeat, its '
          'steps timed from the end of its first step (a `LambdaCallback`), '
          'leaving out the call\'s set-up and end as the others leave out '
          'theirs: deleting the call\'s `tf.data` iterator can block until '
          'the pipeline\'s autotune thread next wakes up (measured on '
          '2026-12-07 here: 0 or 4.7-5.0 s per call, which made the per-call '
          'timing then swing between about 115 and 205 ms/step).' + (
              ' tf-keras runs here against gan_train alone (see the module '
              'docstring: GANEstimator\'s graph per `train` call invalidates '
              'tf-keras models).' if mode == 'tf_keras' else ''), '',
          timing.RATIO_DIRECTION[0].upper() + timing.RATIO_DIRECTION[1:] +
          '.', '',
          tables.markdown_table(
              ['trainer', 'ms/step', 'steps/s',
               'ratio trainer / gan_train (min–max)'],
              [[GAN_TRAIN, f(reference_ms, 1), f(1e3 / reference_ms, 2),
                '1 (reference)']] +
              [[r['name'], f(r['variant_ms'], 1), f(1e3 / r['variant_ms'], 2),
                speed_report.ratio_cell(r)] for r in against]), '',
          'The fused step against the separate one, same package:', '',
          tables.markdown_table(
              ['package', 'fused ms/step', 'separate ms/step',
               'ratio fused / separate (min–max)'],
              [[r['name'].split(' fused')[0], f(r['variant_ms'], 1),
                f(r['reference_ms'], 1), speed_report.ratio_cell(r)]
               for r in fused]), '',
          'Machine-readable: `%s.csv`.' % settings['base'], '']
  return lines


def main(argv=None):
  parser = environment.argument_parser(
      'mnist_speed', __doc__, 'Seconds: batch 8, 2 steps, 1 repeat (CI).',
      'Where mnist_speed.md and mnist_speed.csv go.')
  parser.add_argument('--tf_keras', action='store_true',
                      help='tf-keras fit against gan_train, in a run of its '
                      'own (mnist_speed_tf_keras.md / .csv).')
  args = parser.parse_args(sys.argv[1:] if argv is None else argv)
  mode = 'quick' if args.quick else 'tf_keras' if args.tf_keras else 'full'
  settings = MODES[mode]
  base = settings['base']
  os.makedirs(args.out_dir, exist_ok=True)
  started, start_load = environment.utc_now(), environment.load_average()
  clock = time.time()
  logs.quiet_tensorflow()
  with tempfile.TemporaryDirectory() as model_dir:
    trainers = loops(settings, model_dir)
    times = timing.interleaved(
        {name: functools.partial(loop.seconds_per_step, settings['steps'],
                                 settings['warmup'])
         for name, loop in trainers.items()}, settings['repeats'])
  # Seconds per step -> seconds per block of `steps`, as ratio_row takes.
  times = {name: [t * settings['steps'] for t in ts]
           for name, ts in times.items()}
  rows = rows_of(times, settings)
  for row in rows:
    speed_report.log_row(row)
  finished, end_load = environment.utc_now(), environment.load_average()
  speed_report.write_csv(rows, os.path.join(args.out_dir, base + '.csv'))
  path = os.path.join(args.out_dir, base + '.md')
  with open(path, 'w') as out:
    out.write('\n'.join(markdown(
        rows, settings, mode,
        environment.environment_lines(start_load, end_load, started,
                                      finished),
        (time.time() - clock) / 60)))
  print('wrote %s (%.1f min)' % (path, (time.time() - clock) / 60))
  return rows


if __name__ == '__main__':
  main()
