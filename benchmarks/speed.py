r"""Speed of tfgan_ext's losses and penalties, and of TF-GAN's training loop.

  python -m benchmarks.speed            # full mode: the committed results
  python -m benchmarks.speed --quick    # about a minute (CI)
  python -m benchmarks.speed --quick --out_dir=/tmp/s

Every figure is a ratio of variants measured in this one run: the variants
being compared are timed in alternating blocks (their order reversed or
shuffled from one repeat to the next), and the figure is the median over the
repeats of the per-repeat ratio, so slow drifts of the machine's load hit
both sides alike. Four parts:

1. Each registered loss against its upstream TF-GAN counterpart (where the
   maths coincide, see tests/losses/losses_upstream_cross_test.py): time per
   training step of the digits GAN (examples/digits networks, batch 64,
   `tfgan.gan_model` -> `tfgan.gan_loss` -> `tfgan.gan_train_ops`, the
   generator, discriminator and global-step ops run one after the other, as
   `tfgan.gan_train` runs them), graph mode. Losses without a counterpart are
   compared with upstream's `modified` (non-saturating) loss.
2. Each loss alone, generator plus discriminator loss, forward and backward
   (gradients with respect to both logit tensors), at batch 64 and 4096, in
   graph mode (`tf.compat.v1.Session`), eager, and
   `tf.function(jit_compile=True)`; against the same counterparts.
3. The per-step overhead of each penalty (WGAN-GP, R1, R1 lazy every 16
   steps, DRAGAN) on the digits step of part 1, against the unpenalized step
   of the same loss; WGAN-GP also as upstream's own
   `tfgan.gan_loss(..., gradient_penalty_weight=10)`.
4. End-to-end steps per second of the digits GAN fed by the example's input
   pipeline: through `tfgan.gan_train` against hand-written `tf.function`
   GradientTape loops with the same networks (the example's, variables
   tracked with `tf.compat.v1.keras.utils.track_tf1_style_variables`), losses
   (tfgan_ext's non-saturating pair) and optimizers (`tf.compat.v1.train.
   AdamOptimizer`).

Writes speed.md and speed.csv to --out_dir (default benchmarks/results).
"""

import argparse
import csv
import functools
import inspect
import os
import random
import statistics
import sys
import time

from benchmarks import _common

__all__ = ['COUNTERPARTS', 'MODES', 'main']

# Upstream counterparts: registry name -> (upstream generator loss,
# upstream discriminator loss, note). Where the names differ, the values
# coincide at the default settings, as tests/losses/losses_upstream_cross_test
# checks. Names without an entry have no upstream counterpart.
COUNTERPARTS = {
    'minimax': ('minimax_generator_loss', 'minimax_discriminator_loss', ''),
    'modified': ('modified_generator_loss', 'modified_discriminator_loss',
                 ''),
    'wasserstein': ('wasserstein_generator_loss',
                    'wasserstein_discriminator_loss', ''),
    'wasserstein_hinge': ('wasserstein_generator_loss',
                          'wasserstein_hinge_discriminator_loss',
                          "upstream's wasserstein_hinge_generator_loss is its "
                          'wasserstein_generator_loss'),
    'least_squares': ('least_squares_generator_loss',
                      'least_squares_discriminator_loss', ''),
    'hinge': ('wasserstein_generator_loss',
              'wasserstein_hinge_discriminator_loss',
              'equal at margins 1, 1'),
    'lsgan': ('least_squares_generator_loss',
              'least_squares_discriminator_loss', 'equal at the 0-1-1 coding'),
    'relativistic': ('relativistic_generator_loss',
                     'relativistic_discriminator_loss',
                     "upstream's cannot go through tfgan.gan_loss (no "
                     '`reduction`), so it is called from an adapter'),
}
REFERENCE = 'modified'  # upstream's loss for names without a counterpart.

# Penalty variants of part 3: (label, base loss, penalty, weight, every).
# Weights as in benchmarks/quality.py (WGAN-GP lambda 10, R1 gamma 10 ->
# weight 5, DRAGAN lambda 10, lazy R1 every 16 steps as in StyleGAN2).
PENALTIES = (
    ('WGAN-GP (λ=10)', 'wasserstein', 'wasserstein_gradient_penalty', 10.0,
     1),
    ('R1 (γ=10)', 'modified', 'r1', 5.0, 1),
    ('R1 lazy, every 16 (γ=10)', 'modified', 'r1', 5.0, 16),
    ('DRAGAN (λ=10)', 'modified', 'dragan', 10.0, 1),
)
UPSTREAM_WGAN_GP = 'WGAN-GP, upstream tfgan.gan_loss(gradient_penalty_weight=10)'

# Repeats and block sizes per mode. A block of part 3 has a multiple of 16
# steps, so lazy R1 is applied exactly steps/16 times in every block.
MODES = {
    'quick': dict(repeats=2, step_block=16, step_warmup=2,
                  loss_block_s=0.004, loss_warmup=2, e2e_steps=20,
                  e2e_warmup=5, e2e_repeats=1, batches=(64, 4096)),
    'full': dict(repeats=9, step_block=48, step_warmup=10,
                 loss_block_s=0.08, loss_warmup=5, e2e_steps=400,
                 e2e_warmup=50, e2e_repeats=5, batches=(64, 4096)),
}
BATCH = 64  # the digits example's default batch size (examples/digits/train.py)

CSV_FIELDS = ('part', 'name', 'setting', 'variant', 'reference', 'variant_ms',
              'reference_ms', 'ratio', 'ratio_low', 'ratio_high', 'repeats',
              'note')


# ------------------------------------------------------------ measurement --

def _interleaved(variants, repeats, shuffle_seed=0):
  """Times `variants` ({name: fn() -> seconds}) in alternating order.

  Returns:
    {name: [seconds per repeat]}.
  """
  rng = random.Random(shuffle_seed)
  names = list(variants)
  times = {name: [] for name in names}
  for r in range(repeats):
    order = list(names)
    if len(order) == 2:
      order = order if r % 2 == 0 else order[::-1]
    else:
      rng.shuffle(order)
    for name in order:
      times[name].append(variants[name]())
  return times


def _ratio_stats(variant_times, reference_times):
  """(median ratio, min, max) of the per-repeat ratios."""
  ratios = [v / r for v, r in zip(variant_times, reference_times)]
  return statistics.median(ratios), min(ratios), max(ratios)


def _row(part, name, setting, variant, reference, v_times, r_times, unit,
         note=''):
  """A result row; times per repeat are seconds per `unit` operations."""
  ratio, low, high = _ratio_stats(v_times, r_times)
  return dict(part=part, name=name, setting=setting, variant=variant,
              reference=reference,
              variant_ms=1e3 * statistics.median(v_times) / unit,
              reference_ms=1e3 * statistics.median(r_times) / unit,
              ratio=ratio, ratio_low=low, ratio_high=high,
              repeats=len(v_times), note=note)


# ------------------------------------------------- the digits GAN, graph --

def _digits_hparams():
  from examples.digits import train_lib  # pylint: disable=g-import-not-at-top
  # examples/digits/train.py defaults; only the networks' fields matter here.
  return train_lib.HParams(
      gan_loss='non_saturating', penalty='none', penalty_weight=10.0,
      penalty_every=1, spectral_norm=False, weight_clip=0.0,
      batch_size=BATCH, max_number_of_steps=0, train_log_dir=None,
      generator_lr=2e-4, discriminator_lr=2e-4, adam_beta1=0.5,
      adam_beta2=0.999, lr_decay_steps=0, seed=0, log_every_n_steps=500,
      save_checkpoint_steps=1000, save_summaries_steps=200,
      mixed_precision=False, xla=False, dataset='digits', data_dir=None,
      tfds_download=False, noise_dims=32, generator_channels=64,
      discriminator_channels=64, conditional=False,
      feature_matching_weight=0.0, adversarial_generator_loss=True,
      grid_size=4, eval=False)


def _fixed_real_batch():
  import numpy as np  # pylint: disable=g-import-not-at-top
  from examples.digits import data_provider  # pylint: disable=g-import-not-at-top
  images, _ = data_provider.load_numpy('digits')
  order = np.random.default_rng(0).permutation(len(images))
  return images[order[:BATCH]]


def _adam(hparams, lr):
  import tensorflow as tf  # pylint: disable=g-import-not-at-top
  return tf.compat.v1.train.AdamOptimizer(lr, hparams.adam_beta1,
                                          hparams.adam_beta2)


class DigitsStep:
  """One digits GAN training step in its own graph and session.

  `losses_fn(gan_model)` returns a `tfgan.GANLoss`. The real batch is a
  fixed constant, so the input pipeline is not part of what is compared.
  """

  def __init__(self, losses_fn, real_images):
    import tensorflow as tf  # pylint: disable=g-import-not-at-top
    import tensorflow_gan as tfgan  # pylint: disable=g-import-not-at-top
    from examples.digits import train_lib  # pylint: disable=g-import-not-at-top
    hparams = _digits_hparams()
    self.graph = tf.Graph()
    with self.graph.as_default():
      tf.compat.v1.set_random_seed(0)
      real = tf.constant(real_images)
      noise = tf.random.normal([BATCH, hparams.noise_dims])
      model = tfgan.gan_model(
          generator_fn=train_lib.generator_fn(hparams),
          discriminator_fn=train_lib.discriminator_fn(hparams),
          real_data=real, generator_inputs=noise)
      gan_loss = losses_fn(model)
      ops = tfgan.gan_train_ops(
          model, gan_loss,
          generator_optimizer=_adam(hparams, hparams.generator_lr),
          discriminator_optimizer=_adam(hparams, hparams.discriminator_lr))
      self._ops = (ops.generator_train_op, ops.discriminator_train_op,
                   ops.global_step_inc_op)
      init = tf.compat.v1.global_variables_initializer()
    self.session = tf.compat.v1.Session(graph=self.graph)
    self.session.run(init)

  def run(self, steps):
    """Runs `steps` steps; returns the seconds they took."""
    run = self.session.run
    g_op, d_op, inc_op = self._ops
    start = time.perf_counter()
    for _ in range(steps):
      run(g_op)
      run(d_op)
      run(inc_op)
    return time.perf_counter() - start

  def close(self):
    self.session.close()


def _ext_losses(name, penalty=None, weight=0.0, every=1):
  import tensorflow_gan as tfgan  # pylint: disable=g-import-not-at-top
  import tfgan_ext  # pylint: disable=g-import-not-at-top
  pair = tfgan_ext.losses.get(name)

  def build(model):
    d_fn = pair.discriminator_loss_fn
    if penalty:
      d_fn = tfgan_ext.losses.with_penalty(d_fn, penalty, weight=weight,
                                           every=every)
    return tfgan.gan_loss(model, generator_loss_fn=pair.generator_loss_fn,
                          discriminator_loss_fn=d_fn, add_summaries=False)
  return build


def _by_field_names(fn):
  """Calls argument-style `fn` with the GANModel fields its parameters name."""
  wanted = [p for p in inspect.signature(fn).parameters
            if p.startswith('discriminator_') and p.endswith('_outputs')]

  def call(model):
    return fn(**{p: getattr(model, p) for p in wanted})
  return call


def _upstream_losses(name):
  import tensorflow_gan as tfgan  # pylint: disable=g-import-not-at-top
  g_name, d_name, _ = COUNTERPARTS[name]
  if name == 'relativistic':
    # Upstream's relativistic losses take no `reduction` / `add_summaries`,
    # so `tfgan.gan_loss` raises TypeError on them: adapt the wargs form.
    g_fn = _by_field_names(getattr(tfgan.losses.wargs, g_name))
    d_fn = _by_field_names(getattr(tfgan.losses.wargs, d_name))

    def build(model):
      return tfgan.GANLoss(g_fn(model), d_fn(model))
    return build

  def build_tuple(model):
    return tfgan.gan_loss(
        model, generator_loss_fn=getattr(tfgan.losses, g_name),
        discriminator_loss_fn=getattr(tfgan.losses, d_name),
        add_summaries=False)
  return build_tuple


def _upstream_wgan_gp(model):
  import tensorflow_gan as tfgan  # pylint: disable=g-import-not-at-top
  return tfgan.gan_loss(
      model, generator_loss_fn=tfgan.losses.wasserstein_generator_loss,
      discriminator_loss_fn=tfgan.losses.wasserstein_discriminator_loss,
      gradient_penalty_weight=10.0, add_summaries=False)


def _step_variants(builders, settings, real):
  """Builds DigitsSteps, warms them up, times them interleaved."""
  steps = {name: DigitsStep(fn, real) for name, fn in builders.items()}
  try:
    for step in steps.values():
      step.run(settings['step_warmup'])
    block = settings['step_block']
    return _interleaved(
        {name: functools.partial(step.run, block)
         for name, step in steps.items()}, settings['repeats'])
  finally:
    for step in steps.values():
      step.close()


def part1_loss_steps(names, settings, log):
  rows = []
  real = _fixed_real_batch()
  for name in names:
    if name in COUNTERPARTS:
      ref_label, ref_builder = 'upstream ' + name, _upstream_losses(name)
      note = COUNTERPARTS[name][2]
      g_name, d_name = COUNTERPARTS[name][:2]
      ref_label = 'upstream %s + %s' % (g_name, d_name)
    else:
      ref_label = 'upstream %s (no counterpart; reference)' % REFERENCE
      ref_builder, note = _upstream_losses(REFERENCE), 'no upstream counterpart'
    times = _step_variants({'ext': _ext_losses(name), 'ref': ref_builder},
                           settings, real)
    rows.append(_row('1 training step', name, 'digits GAN, batch 64, graph',
                     'tfgan_ext ' + name, ref_label, times['ext'],
                     times['ref'], settings['step_block'], note))
    log(rows[-1])
  return rows


def part3_penalties(settings, log):
  real = _fixed_real_batch()
  builders = {'modified': _ext_losses('modified'),
              'wasserstein': _ext_losses('wasserstein'),
              UPSTREAM_WGAN_GP: _upstream_wgan_gp}
  for label, base, penalty, weight, every in PENALTIES:
    builders[label] = _ext_losses(base, penalty, weight, every)
  times = _step_variants(builders, settings, real)
  rows = []
  for label, base, _, _, _ in PENALTIES:
    rows.append(_row('3 penalty overhead', label,
                     'digits GAN, batch 64, graph', 'tfgan_ext %s + %s' % (
                         base, label), 'unpenalized ' + base, times[label],
                     times[base], settings['step_block']))
    log(rows[-1])
  rows.append(_row('3 penalty overhead', UPSTREAM_WGAN_GP,
                   'digits GAN, batch 64, graph', UPSTREAM_WGAN_GP,
                   'unpenalized wasserstein', times[UPSTREAM_WGAN_GP],
                   times['wasserstein'], settings['step_block']))
  log(rows[-1])
  rows.append(_row('3 penalty overhead', 'WGAN-GP: tfgan_ext vs upstream',
                   'digits GAN, batch 64, graph',
                   'tfgan_ext wasserstein + WGAN-GP', UPSTREAM_WGAN_GP,
                   times[PENALTIES[0][0]], times[UPSTREAM_WGAN_GP],
                   settings['step_block']))
  log(rows[-1])
  return rows


# -------------------------------------------------------- losses alone --

def _loss_pair_fn(module, g_name, d_name):
  """fn(real_logits, gen_logits) -> G loss + D loss, argument-style."""
  g_fn, d_fn = getattr(module, g_name), getattr(module, d_name)
  g_params = set(inspect.signature(g_fn).parameters)

  def loss(real, gen):
    g_kwargs = {'discriminator_gen_outputs': gen}
    if 'discriminator_real_outputs' in g_params:
      g_kwargs['discriminator_real_outputs'] = real
    return (g_fn(**g_kwargs)
            + d_fn(discriminator_real_outputs=real,
                   discriminator_gen_outputs=gen))
  return loss


def _pair_fns(name):
  """(tfgan_ext fn, reference fn, reference label) for the loss `name`."""
  import tensorflow_gan as tfgan  # pylint: disable=g-import-not-at-top
  from tfgan_ext.losses import wargs  # pylint: disable=g-import-not-at-top
  ext = _loss_pair_fn(wargs, name + '_generator_loss',
                      name + '_discriminator_loss')
  ref_name = name if name in COUNTERPARTS else REFERENCE
  g_name, d_name, _ = COUNTERPARTS[ref_name]
  ref = _loss_pair_fn(tfgan.losses.wargs, g_name, d_name)
  label = 'upstream %s + %s' % (g_name, d_name)
  if ref_name != name:
    label = 'upstream %s (no counterpart; reference)' % REFERENCE
  return ext, ref, label


def _calls_timer(call, calls):
  def timed():
    start = time.perf_counter()
    for _ in range(calls):
      call()
    return time.perf_counter() - start
  return timed


def _calibrate(call, block_s, warmup):
  for _ in range(warmup):
    call()
  start = time.perf_counter()
  call()
  single = max(time.perf_counter() - start, 1e-6)
  return max(2, int(block_s / single))


def _graph_callable(loss_fn, real, gen, sessions):
  import tensorflow as tf  # pylint: disable=g-import-not-at-top
  graph = tf.Graph()
  with graph.as_default():
    # Variables, so that grappler cannot fold the computation into constants.
    real_v = tf.compat.v1.get_variable('real', initializer=real)
    gen_v = tf.compat.v1.get_variable('gen', initializer=gen)
    loss = loss_fn(real_v, gen_v)
    grads = tf.gradients(loss, [real_v, gen_v])
    init = tf.compat.v1.global_variables_initializer()
  session = tf.compat.v1.Session(graph=graph)
  session.run(init)
  sessions.append(session)
  target = [loss] + grads
  return lambda: session.run(target)


def _eager_fn(loss_fn):
  import tensorflow as tf  # pylint: disable=g-import-not-at-top

  def forward_backward(real, gen):
    with tf.GradientTape() as tape:
      tape.watch([real, gen])
      loss = loss_fn(real, gen)
    return [loss] + tape.gradient(loss, [real, gen])
  return forward_backward


def _mode_callable(mode, loss_fn, real, gen, sessions):
  import tensorflow as tf  # pylint: disable=g-import-not-at-top
  if mode == 'graph':
    return _graph_callable(loss_fn, real, gen, sessions)
  real_t, gen_t = tf.constant(real), tf.constant(gen)
  fn = _eager_fn(loss_fn)
  if mode == 'eager':
    return lambda: [t.numpy() for t in fn(real_t, gen_t)]
  compiled = tf.function(fn, jit_compile=True)
  return lambda: [t.numpy() for t in compiled(real_t, gen_t)]


def part2_losses_alone(names, settings, log):
  import numpy as np  # pylint: disable=g-import-not-at-top
  rows = []
  rng = np.random.default_rng(0)
  for batch in settings['batches']:
    real = rng.normal(size=(batch, 1)).astype(np.float32)
    gen = rng.normal(size=(batch, 1)).astype(np.float32)
    for mode in ('graph', 'eager', 'xla'):
      for name in names:
        ext_fn, ref_fn, label = _pair_fns(name)
        sessions = []
        try:
          ext = _mode_callable(mode, ext_fn, real, gen, sessions)
          ref = _mode_callable(mode, ref_fn, real, gen, sessions)
          calls = _calibrate(ext, settings['loss_block_s'],
                             settings['loss_warmup'])
          _calibrate(ref, settings['loss_block_s'], settings['loss_warmup'])
          times = _interleaved({'ext': _calls_timer(ext, calls),
                                'ref': _calls_timer(ref, calls)},
                               settings['repeats'])
        finally:
          for session in sessions:
            session.close()
        mode_label = {'graph': 'graph (Session)', 'eager': 'eager',
                      'xla': 'tf.function(jit_compile=True)'}[mode]
        rows.append(_row('2 loss alone', name,
                         'batch %d, %s' % (batch, mode_label),
                         'tfgan_ext ' + name, label, times['ext'],
                         times['ref'], calls))
        log(rows[-1])
  return rows


# ----------------------------------------------------------- end to end --

class _StepTimer:
  """A SessionRunHook-like recorder of when steps finish (for gan_train)."""

  def __init__(self, warmup):
    import tensorflow as tf  # pylint: disable=g-import-not-at-top

    class Hook(tf.compat.v1.train.SessionRunHook):

      def __init__(hook):  # pylint: disable=no-self-argument
        hook.count = 0
        hook.t_first = None
        hook.t_last = None

      def after_run(hook, run_context, run_values):  # pylint: disable=no-self-argument
        del run_context, run_values
        hook.count += 1
        if hook.count == warmup:
          hook.t_first = time.perf_counter()
        hook.t_last = time.perf_counter()

    self.hook = Hook()
    self.warmup = warmup

  def seconds_per_step(self):
    return (self.hook.t_last - self.hook.t_first) / (self.hook.count - self.warmup)


class GanTrainLoop:
  """The digits GAN trained by `tfgan.gan_train` (sequential G, D hooks)."""

  def __init__(self):
    import tensorflow as tf  # pylint: disable=g-import-not-at-top
    import tensorflow_gan as tfgan  # pylint: disable=g-import-not-at-top
    import tfgan_ext  # pylint: disable=g-import-not-at-top
    from examples.digits import data_provider  # pylint: disable=g-import-not-at-top
    from examples.digits import train_lib  # pylint: disable=g-import-not-at-top
    hparams = _digits_hparams()
    pair = tfgan_ext.losses.get(hparams.gan_loss)
    self.graph = tf.Graph()
    with self.graph.as_default():
      tf.compat.v1.set_random_seed(0)
      images, _ = data_provider.provide_data('digits', BATCH, seed=0)
      noise = tf.random.normal([BATCH, hparams.noise_dims])
      model = tfgan.gan_model(
          generator_fn=train_lib.generator_fn(hparams),
          discriminator_fn=train_lib.discriminator_fn(hparams),
          real_data=images, generator_inputs=noise)
      gan_loss = tfgan.gan_loss(model, add_summaries=False, **pair._asdict())
      self.train_ops = tfgan.gan_train_ops(
          model, gan_loss,
          generator_optimizer=_adam(hparams, hparams.generator_lr),
          discriminator_optimizer=_adam(hparams, hparams.discriminator_lr))

  def seconds_per_step(self, steps, warmup):
    import tensorflow as tf  # pylint: disable=g-import-not-at-top
    import tensorflow_gan as tfgan  # pylint: disable=g-import-not-at-top
    timer = _StepTimer(warmup)
    with self.graph.as_default():
      tfgan.gan_train(
          self.train_ops, logdir=None,
          hooks=[tf.compat.v1.train.StopAtStepHook(num_steps=steps + warmup),
                 timer.hook],
          save_checkpoint_secs=None, save_summaries_steps=None)
    return timer.seconds_per_step()


class TapeLoop:
  """The digits GAN trained by a hand-written tf.function GradientTape loop.

  simultaneous=True: one forward pass, two tapes, both updates (the TF 2
  DCGAN tutorial's loop). False: a generator update, then a discriminator
  update with its own forward pass (TF-GAN's sequential schedule).
  """

  def __init__(self, simultaneous):
    import tensorflow as tf  # pylint: disable=g-import-not-at-top
    import tf_keras  # pylint: disable=g-import-not-at-top
    from examples.digits import data_provider  # pylint: disable=g-import-not-at-top
    from examples.digits import train_lib  # pylint: disable=g-import-not-at-top
    from tfgan_ext.losses import wargs  # pylint: disable=g-import-not-at-top
    hparams = _digits_hparams()
    track = tf.compat.v1.keras.utils.track_tf1_style_variables

    class Network(tf_keras.layers.Layer):
      """Wraps an example network function; its variables are created once."""

      def __init__(self, fn, scope):
        super().__init__()
        self._fn, self._scope = fn, scope

      @track
      def call(self, *args):
        with tf.compat.v1.variable_scope(self._scope):
          return self._fn(*args)

    generator = Network(train_lib.generator_fn(hparams), 'Generator')
    discriminator = Network(train_lib.discriminator_fn(hparams),
                            'Discriminator')
    g_opt = _adam(hparams, hparams.generator_lr)
    d_opt = _adam(hparams, hparams.discriminator_lr)
    images, labels = data_provider.load_numpy('digits')
    ds = tf.data.Dataset.from_tensor_slices(images)
    ds = ds.shuffle(len(images), seed=0, reshuffle_each_iteration=True)
    ds = ds.repeat().batch(BATCH, drop_remainder=True).prefetch(2)
    del labels
    self._iterator = iter(ds)
    noise_dims = hparams.noise_dims
    g_loss_fn = wargs.modified_generator_loss
    d_loss_fn = wargs.modified_discriminator_loss

    def d_outputs(real, noise):
      fake = generator(noise)
      return discriminator(real, noise), discriminator(fake, noise)

    @tf.function
    def simultaneous_step(iterator):
      real = next(iterator)
      noise = tf.random.normal([BATCH, noise_dims])
      with tf.GradientTape() as g_tape, tf.GradientTape() as d_tape:
        d_real, d_gen = d_outputs(real, noise)
        g_loss = g_loss_fn(d_gen)
        d_loss = d_loss_fn(d_real, d_gen)
      g_vars = generator.trainable_variables
      d_vars = discriminator.trainable_variables
      g_opt.apply_gradients(zip(g_tape.gradient(g_loss, g_vars), g_vars))
      d_opt.apply_gradients(zip(d_tape.gradient(d_loss, d_vars), d_vars))
      return g_loss, d_loss

    @tf.function
    def sequential_step(iterator):
      real = next(iterator)
      noise = tf.random.normal([BATCH, noise_dims])
      with tf.GradientTape() as g_tape:
        _, d_gen = d_outputs(real, noise)
        g_loss = g_loss_fn(d_gen)
      g_vars = generator.trainable_variables
      g_opt.apply_gradients(zip(g_tape.gradient(g_loss, g_vars), g_vars))
      with tf.GradientTape() as d_tape:
        d_real, d_gen = d_outputs(real, noise)
        d_loss = d_loss_fn(d_real, d_gen)
      d_vars = discriminator.trainable_variables
      d_opt.apply_gradients(zip(d_tape.gradient(d_loss, d_vars), d_vars))
      return g_loss, d_loss

    # Build the variables eagerly before tracing the step.
    first = next(self._iterator)
    d_outputs(first, tf.random.normal([BATCH, noise_dims]))
    self._step = simultaneous_step if simultaneous else sequential_step

  def seconds_per_step(self, steps, warmup):
    for _ in range(warmup):
      self._step(self._iterator)[0].numpy()
    start = time.perf_counter()
    for _ in range(steps):
      out = self._step(self._iterator)
    out[0].numpy()
    return (time.perf_counter() - start) / steps


def part4_end_to_end(settings, log):
  loops = {
      'tfgan.gan_train': GanTrainLoop(),
      'tf.function loop, sequential (G then D, 2 forward passes)':
          TapeLoop(simultaneous=False),
      'tf.function loop, simultaneous (1 forward pass, 2 tapes)':
          TapeLoop(simultaneous=True),
  }
  steps, warmup = settings['e2e_steps'], settings['e2e_warmup']
  times = _interleaved(
      {name: functools.partial(loop.seconds_per_step, steps, warmup)
       for name, loop in loops.items()}, settings['e2e_repeats'])
  rows = []
  for name in loops:
    if name == 'tfgan.gan_train':
      continue
    # Ratio as steps/s of the loop over steps/s of gan_train.
    rows.append(_row('4 end to end', name, 'digits GAN, batch 64, input '
                     'pipeline included', name, 'tfgan.gan_train',
                     times['tfgan.gan_train'], times[name], 1,
                     'ratio = speed-up of the loop over gan_train'))
    rows[-1]['variant_ms'], rows[-1]['reference_ms'] = (
        rows[-1]['reference_ms'], rows[-1]['variant_ms'])
    log(rows[-1])
  return rows


# --------------------------------------------------------------- output --

def _log(row):
  print('%-20s %-28s %-40s %8.3f ms vs %8.3f ms  ratio %.3f' % (
      row['part'], row['name'][:28], row['setting'][:40], row['variant_ms'],
      row['reference_ms'], row['ratio']), flush=True)


def write_csv(rows, path):
  with open(path, 'w', newline='') as f:
    writer = csv.DictWriter(f, fieldnames=CSV_FIELDS)
    writer.writeheader()
    for row in rows:
      writer.writerow({k: ('%.6g' % v if isinstance(v, float) else v)
                       for k, v in row.items()})


def _ratio(row):
  return '%.3f (%.3f–%.3f)' % (row['ratio'], row['ratio_low'],
                               row['ratio_high'])


def write_markdown(rows, path, settings, mode, env_lines, wall_minutes):
  f = _common.fmt
  lines = ['# Speed (`python -m benchmarks.speed%s`)' % (
      ' --quick' if mode == 'quick' else ''), '']
  lines += env_lines
  lines += [
      '- mode: %s; one process, TensorFlow\'s default thread pools (all '
      'cores), CPU only; total wall time %.1f min.' % (mode, wall_minutes),
      '',
      'Every ratio compares variants timed in alternating blocks within this '
      'run (order reversed or shuffled each repeat); the figure is the '
      'median over %d repeats of the per-repeat ratio, with the smallest and '
      'largest per-repeat ratio in brackets. Milliseconds are medians too, '
      'and are only indicative on a shared machine; the ratios are what to '
      'read. Ratio < 1: tfgan_ext (or the variant) is faster.'
      % settings['repeats'], '']
  part = [r for r in rows if r['part'].startswith('1')]
  lines += ['## 1. Each loss vs its upstream counterpart: digits GAN training '
            'step, graph mode', '',
            'Batch 64, the digits example\'s networks, a fixed real batch; '
            'one step = generator, discriminator and global-step ops, run one '
            'after the other as `tfgan.gan_train` runs them; %d steps per '
            'block.' % settings['step_block'], '']
  lines += [_common.markdown_table(
      ['loss', 'upstream counterpart', 'tfgan_ext ms/step',
       'upstream ms/step', 'ratio (min–max)', 'note'],
      [[r['name'], r['reference'].replace('upstream ', ''),
        f(r['variant_ms'], 2), f(r['reference_ms'], 2), _ratio(r),
        r['note']] for r in part]), '']
  part = [r for r in rows if r['part'].startswith('2')]
  lines += ['## 2. Each loss alone: forward + backward', '',
            'Generator loss + discriminator loss on random logits [batch, 1], '
            'and their gradients with respect to both logit tensors. Graph: '
            'one `Session.run` (inputs are variables, so nothing is constant-'
            'folded); eager: a GradientTape; XLA: the same function under '
            '`tf.function(jit_compile=True)`. The per-call times include '
            'each mode\'s dispatch overhead, which dominates at batch 64.', '']
  settings_seen = list(dict.fromkeys(r['setting'] for r in part))
  names = list(dict.fromkeys(r['name'] for r in part))
  header = ['loss'] + settings_seen
  table = []
  for name in names:
    cells = [name]
    for setting in settings_seen:
      match = [r for r in part if r['name'] == name
               and r['setting'] == setting]
      cells.append('%.2f (%s ms)' % (match[0]['ratio'], f(
          match[0]['variant_ms'], 3)) if match else '—')
    table.append(cells)
  lines += ['Cells: ratio tfgan_ext / counterpart (tfgan_ext ms per call). '
            'Counterparts as in part 1; `relativistic_lsgan` and '
            '`relativistic_hinge` (no counterpart) are compared with '
            'upstream `modified`.', '']
  lines += [_common.markdown_table(header, table), '']
  part = [r for r in rows if r['part'].startswith('3')]
  lines += ['## 3. Penalty overhead per training step', '',
            'The digits GAN step of part 1 with a penalty added to the '
            'discriminator loss through `tfgan_ext.losses.with_penalty`, '
            'against the same step without it (all variants interleaved in '
            'each repeat; %d steps per block, a multiple of 16 so lazy R1 '
            'runs on exactly 1 step in 16).' % settings['step_block'], '']
  lines += [_common.markdown_table(
      ['penalty', 'against', 'ms/step', 'unpenalized ms/step',
       'overhead (min–max)'],
      [[r['name'], r['reference'], f(r['variant_ms'], 2),
        f(r['reference_ms'], 2), '%+.0f%% (%+.0f%% to %+.0f%%)' % (
            100 * (r['ratio'] - 1), 100 * (r['ratio_low'] - 1),
            100 * (r['ratio_high'] - 1))] for r in part]), '']
  lines += ['The last row compares the two WGAN-GP implementations directly '
            '(ratio − 1 of tfgan_ext\'s step over upstream\'s).', '']
  part = [r for r in rows if r['part'].startswith('4')]
  lines += ['## 4. End to end: `tfgan.gan_train` vs a hand-written loop', '',
            'The digits GAN (batch 64, the example\'s networks, tf.data input '
            'pipeline over the sklearn digits, tfgan_ext\'s non-saturating '
            'losses, `tf.compat.v1.train.AdamOptimizer` (lr 2e-4, beta1 0.5)) '
            'for %d timed steps after %d warm-up steps, %d repeat(s). '
            '`tfgan.gan_train` runs without checkpoints or summaries '
            '(`logdir=None`), with its default sequential hooks '
            '(generator step, then discriminator step, then the global '
            'step: three `Session.run` calls and two forward passes per '
            'step).' % (settings['e2e_steps'], settings['e2e_warmup'],
                        settings['e2e_repeats']), '']
  if part:
    gan_train_ms = part[0]['reference_ms']
    table = [['tfgan.gan_train', f(gan_train_ms, 2),
              f(1e3 / gan_train_ms, 1), '1.00']]
    for r in part:
      table.append([r['name'], f(r['variant_ms'], 2),
                    f(1e3 / r['variant_ms'], 1), _ratio(r)])
    lines += [_common.markdown_table(
        ['loop', 'ms/step', 'steps/s', 'speed-up over gan_train (min–max)'],
        table), '']
  lines += ['Machine-readable: `speed.csv` (every row above, with the '
            'per-repeat minimum and maximum ratios).', '']
  with open(path, 'w') as f_out:
    f_out.write('\n'.join(lines))


def parse_args(argv):
  parser = argparse.ArgumentParser(
      prog='python -m benchmarks.speed', description=__doc__.split('\n')[0])
  parser.add_argument('--quick', action='store_true',
                      help='About a minute: few repeats, small blocks (CI).')
  parser.add_argument('--out_dir', default=_common.RESULTS_DIR,
                      help='Where speed.md and speed.csv go.')
  parser.add_argument('--parts', default='1,2,3,4',
                      help='Comma-separated parts to run (default: all).')
  return parser.parse_args(argv)


def main(argv=None):
  args = parse_args(sys.argv[1:] if argv is None else argv)
  mode = 'quick' if args.quick else 'full'
  settings = MODES[mode]
  parts = {p.strip() for p in args.parts.split(',')}
  os.makedirs(args.out_dir, exist_ok=True)
  started, start_load = _common.utc_now(), _common.load_average()
  clock = time.time()
  import tfgan_ext  # pylint: disable=g-import-not-at-top
  from examples.common import logs  # pylint: disable=g-import-not-at-top
  logs.quiet_tensorflow()
  names = list(tfgan_ext.losses.names(include_aliases=False))
  rows = []
  if '1' in parts:
    rows += part1_loss_steps(names, settings, _log)
  if '2' in parts:
    rows += part2_losses_alone(names, settings, _log)
  if '3' in parts:
    rows += part3_penalties(settings, _log)
  if '4' in parts:
    rows += part4_end_to_end(settings, _log)
  finished, end_load = _common.utc_now(), _common.load_average()
  write_csv(rows, os.path.join(args.out_dir, 'speed.csv'))
  write_markdown(rows, os.path.join(args.out_dir, 'speed.md'), settings, mode,
                 _common.environment_lines(start_load, end_load, started,
                                           finished),
                 (time.time() - clock) / 60)
  print('wrote %s (%.1f min)' % (os.path.join(args.out_dir, 'speed.md'),
                                 (time.time() - clock) / 60))
  return rows


if __name__ == '__main__':
  main()
