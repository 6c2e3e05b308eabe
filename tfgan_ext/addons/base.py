# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""What an add-on is: one technique, built with its settings, for either trainer.

An add-on (`tfgan_ext.addons.LeCam(weight=0.3)`, `Penalty('r1', 5.0)`,
`DiffAugment()`, ...) is a value: its settings are checked when it is built,
and it holds no training state itself. It joins a trainer in one call:

* TF-GAN (`tfgan.gan_model` -> `gan_loss` -> `gan_train_ops` -> `gan_train`,
  and GANEstimator): `addon.for_tfgan(parts)` returns `GANParts` (the
  networks, loss functions and optimizers of the loop) with what the add-on
  changes (a wrapped discriminator loss, a discriminator that sees augmented
  data, an averaging optimizer, ...); its state (LeCam's anchors, ADA's p)
  lives in variables of the graph, updated by update ops that
  `tfgan.gan_train_ops` runs with the discriminator's train op.
  `apply(addons, parts)` applies a list in order.
* Keras (`tfgan_ext.keras.GANModel.compile(addons=[...])`):
  `addon.for_keras(gan)` returns a `StepPart`, the add-on inside that
  model's train step, holding its state as weights of the model (saved with
  it). The train step calls every part's hooks and adds up the terms they
  give; it names no technique.

Each technique's module (`penalty`, `lecam`, `top_k`, `consistency`,
`augmentation`, `generator_average`, `feature_matching`, `instance_noise`)
holds its add-on, both trainers' glue and nothing else; its maths stays in
TF-GAN-signature functions (`tfgan_ext.losses`, `tfgan_ext.augment`).
"""

import collections

import tensorflow as tf

__all__ = ['AddOn', 'GANParts', 'PROGRESS', 'StepPart', 'apply', 'checked',
           'global_step', 'graph_variables', 'log', 'named_after']

_v1 = tf.compat.v1

# Graph collection of scalars an add-on wants shown while training (ADA's p):
# the examples' progress lines read it.
PROGRESS = 'tfgan_ext_addons_progress'

GANParts = collections.namedtuple(
    'GANParts', ['generator_fn', 'discriminator_fn', 'generator_loss_fn',
                 'discriminator_loss_fn', 'generator_optimizer',
                 'discriminator_optimizer'],
    defaults=(None, None))
GANParts.__doc__ = """What an add-on may change in a TF-GAN training loop.

The fields are named as `tfgan.estimator.GANEstimator`'s arguments, so
`GANEstimator(**parts._asdict(), ...)` takes them as they are; with
`tfgan.gan_model(parts.generator_fn, parts.discriminator_fn, ...)`,
`tfgan.gan_loss(model, generator_loss_fn=parts.generator_loss_fn,
discriminator_loss_fn=parts.discriminator_loss_fn)` and
`tfgan.gan_train_ops(model, loss, parts.generator_optimizer,
parts.discriminator_optimizer)` they make `gan_train`'s loop.

Attributes:
  generator_fn, discriminator_fn: The networks (TF-GAN's signatures).
  generator_loss_fn, discriminator_loss_fn: GANModel-style losses.
  generator_optimizer, discriminator_optimizer: `tf.compat.v1.train`
    optimizers, or functions returning one (GANEstimator's form), or None
    when no add-on needs them.
"""


def apply(addons, parts):
  """`parts` with every add-on of `addons` applied, in order.

  Args:
    addons: A sequence of add-ons (`tfgan_ext.addons.*`).
    parts: A `GANParts`.

  Returns:
    The changed `GANParts`.

  Raises:
    TypeError: `parts` is not a GANParts, or an element is not an add-on.
  """
  if not isinstance(parts, GANParts):
    raise TypeError('parts must be a tfgan_ext.addons.GANParts, got %r.'
                    % (type(parts),))
  for addon in checked(addons):
    parts = addon.for_tfgan(parts)
  return parts


def checked(addons):
  """`addons` as a tuple, each an `AddOn` (TypeError naming the first not)."""
  if isinstance(addons, AddOn):
    addons = (addons,)
  addons = tuple(addons or ())
  for addon in addons:
    if not isinstance(addon, AddOn):
      raise TypeError(
          'An add-on must be an object of tfgan_ext.addons (e.g. '
          "tfgan_ext.addons.Penalty('r1', weight=5.0)), got %r." % (addon,))
  return addons


def named_after(wrapper, wrapped, suffix=''):
  """`wrapper`, named `wrapped`'s name + `suffix` (in logs and summaries).

  A function without a name (a `functools.partial`) gives its function's.
  """
  name = getattr(wrapped, '__name__', None) or getattr(
      getattr(wrapped, 'func', None), '__name__', 'fn')
  wrapper.__name__ = wrapper.__qualname__ = name + suffix
  return wrapper


def log(logs, name, value, weight=1.0):
  """Adds a (value, weight) entry to a train step's logs under `name`."""
  logs.setdefault(name, []).append((value, weight))


class AddOn:
  """Base class of the add-ons: one technique for both trainers.

  Subclasses are built with their settings (checked in `__init__`) and
  implement `for_tfgan` and `for_keras`.
  """

  def for_tfgan(self, parts):
    """`parts` (a `GANParts`) with this add-on joined to TF-GAN's loop."""
    raise NotImplementedError

  def for_keras(self, gan):
    """This add-on inside `gan`'s Keras train step: a `StepPart`.

    Called by `GANModel.compile`; creates the state the add-on keeps in the
    model (weights of `gan`, saved with it).
    """
    raise NotImplementedError

  def __repr__(self):
    settings = ', '.join('%s=%r' % kv for kv in self._settings().items())
    return '%s(%s)' % (type(self).__name__, settings)

  def __eq__(self, other):
    return type(self) is type(other) and (
        self._settings() == other._settings())

  def __hash__(self):
    return hash((type(self), tuple(sorted(
        (k, repr(v)) for k, v in self._settings().items()))))

  def _settings(self):
    """The settings the add-on was built with, by argument name."""
    return {k: v for k, v in vars(self).items() if not k.startswith('_')}


class StepPart:
  """An add-on inside `GANModel`'s train step; every hook does nothing here.

  The train step (tfgan_ext.keras.train_step) calls, for every part, in the
  order of `compile(addons=...)`:

  * `check_data(spec)` in `fit`, before training;
  * `discriminator_input(data)` on every input of the discriminator (real
    and generated, penalties' re-applications included);
  * `generator_loss(step_loss)` once, at compile: a replacement for the
    adversarial generator loss, or None (at most one part replaces it);
  * `generator_term(tensors, logs)` and `discriminator_term(tensors, logs)`:
    a term added to that player's loss (a float32 scalar, the mean over this
    replica's examples, or 0.0);
  * `after_discriminator_step(tensors, logs)` and `after_generator_step()`.

  `tensors` are the step's tensors, named like `tfgan.GANModel` fields
  (`real_data`, `generated_data`, `generator_inputs`,
  `discriminator_real_outputs`, `discriminator_gen_outputs`,
  `discriminator_fn`, `generator_fn`, ...), plus `real_features` and
  `generated_features` when a part asks for a discriminator layer. `logs`
  collects values to log (`log(logs, name, value, weight)`); a part lists
  what it logs in `logged_names`.

  Attributes:
    addon: The add-on (its settings).
    gan: The `GANModel` it joined.
    logged_names: Names of the values the part logs, in order.
    discriminator_layer: The name of a discriminator layer whose output the
      part reads (the step then fills `real_features`,
      `generated_features`), or None.
    sampling_model: A Keras model to sample from instead of the generator
      (the generator's moving average), or None.
    tracked: {attribute name: Keras object} the model must hold as
      attributes (so checkpoints save them).
  """

  logged_names = ()
  discriminator_layer = None
  sampling_model = None
  tracked = {}

  def __init__(self, addon, gan):
    self.addon = addon
    self.gan = gan

  def check_data(self, spec):
    """Raises ValueError if the dataset's (inputs, real) `spec` won't do."""
    del spec

  def discriminator_input(self, data):
    return data

  def generator_loss(self, step_loss):
    """A replacement for the adversarial generator loss, or None.

    Args:
      step_loss: The compiled generator loss (a `step_losses.StepLoss`).

    Returns:
      None, or an object with `needs` (the step tensors it reads) and
      `__call__(tensors, logs)` returning the loss.
    """
    del step_loss

  def generator_term(self, tensors, logs):
    del tensors, logs
    return 0.0

  def discriminator_term(self, tensors, logs):
    del tensors, logs
    return 0.0

  def after_discriminator_step(self, tensors, logs):
    del tensors, logs

  def after_generator_step(self):
    pass


def graph_variables(cache, prefix, dtypes):
  """Scalar state variables of the current TF-1 graph, created once.

  One non-trainable resource variable `<prefix>_<name>` per entry of
  `dtypes`, zero at first, made at the top of the outermost graph (outside
  any name or variable scope, and outside control flow: a `tf.cond` branch,
  as a lazy penalty builds, is a graph of its own), so checkpoints name them
  the same whatever scope builds the loss.

  Args:
    cache: A dict graph -> {name: variable} kept by the caller.
    prefix: The variables' name prefix.
    dtypes: A dict name -> dtype.

  Returns:
    {name: variable} of the outermost graph.
  """
  with tf.init_scope():
    graph = _v1.get_default_graph()
    if graph not in cache:
      with graph.name_scope(None), _v1.variable_scope(
          _v1.VariableScope(reuse=False), auxiliary_name_scope=False):
        cache[graph] = {
            name: _v1.get_variable('%s_%s' % (prefix, name), shape=(),
                                   dtype=dtype, trainable=False,
                                   initializer=_v1.zeros_initializer(),
                                   use_resource=True)
            for name, dtype in dtypes.items()}
  return cache[graph]


def global_step():
  """The TF-1 graph's global step, created at the top if it is not yet.

  Safe to call inside the networks' variable scopes, where
  `tf.compat.v1.train.get_or_create_global_step` would create
  '<scope>/global_step' (it keeps the current variable scope).
  """
  step = _v1.train.get_global_step()
  if step is not None:
    return step
  with tf.init_scope(), _v1.variable_scope(
      _v1.VariableScope(reuse=False), auxiliary_name_scope=False):
    return _v1.train.get_or_create_global_step()
