# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Loss pairs and penalties by name: the tables below are the registry.

`tfgan.gan_loss(model, **tfgan_ext.losses.get('hinge')._asdict())` trains
with the hinge loss; `get_penalty('r1')` is the GANModel-style R1 penalty.
Names are stable (absl flags are built on them). `names()` and
`penalty_names()` list the canonical names; pass `include_aliases=True` to
add the aliases (`non_saturating`, `rpgan`, `wgan_gp`).

The tables hold argument-style functions (`tfgan_ext.losses.wargs`); `get`
and `get_penalty` return their GANModel-style forms, which
`tfgan_ext.losses.tuple_losses` binds under the same names, and
`argument_style(name)` the functions themselves (what the Keras trainer
calls). Losses that need a special discriminator (energy-based) or more
arguments (consistency regularization) are exported but not registered.

The conditional losses, for discriminator heads that return more than one
logit (a `DiscriminatorOutputs`), have their own list, `conditional_names()`,
so that every loop over `names()` keeps meaning "losses of one logit per
example": `get_conditional(name)` returns their pair, `_CONDITIONAL` below
says what each reads and adds, `discriminator_outputs.HEADS` what each head
returns, and `check_head_and_loss(head, loss)` whether they fit.
"""

import collections
import functools

import tensorflow as tf

from tfgan_ext.losses import discriminator_outputs
from tfgan_ext.losses import tuple_losses
from tfgan_ext.losses import wargs

__all__ = [
    'ConditionalLoss',
    'LossPair',
    'NO_PENALTY',
    'aliases',
    'check_head_and_loss',
    'conditional_loss',
    'conditional_names',
    'get',
    'get_conditional',
    'get_penalty',
    'head_names',
    'names',
    'no_penalty',
    'penalty_aliases',
    'penalty_names',
]

LossPair = collections.namedtuple(
    'LossPair', ['generator_loss_fn', 'discriminator_loss_fn'])
LossPair.__doc__ = """A generator loss and its discriminator loss.

Attributes:
  generator_loss_fn: From `get`: `fn(gan_model, **kwargs)`, for
    `tfgan.gan_loss`; its argument-style form is
    `generator_loss_fn.args_loss_fn`.
  discriminator_loss_fn: Likewise.
"""

NO_PENALTY = 'none'

# Name -> (generator loss, discriminator loss), argument style.
_PAIRS = {
    'hinge': (wargs.hinge_generator_loss, wargs.hinge_discriminator_loss),
    'least_squares': (wargs.least_squares_generator_loss,
                      wargs.least_squares_discriminator_loss),
    'lsgan': (wargs.lsgan_generator_loss, wargs.lsgan_discriminator_loss),
    'minimax': (wargs.minimax_generator_loss,
                wargs.minimax_discriminator_loss),
    'modified': (wargs.modified_generator_loss,
                 wargs.modified_discriminator_loss),
    'relativistic': (wargs.relativistic_generator_loss,
                     wargs.relativistic_discriminator_loss),
    'relativistic_hinge': (wargs.relativistic_hinge_generator_loss,
                           wargs.relativistic_hinge_discriminator_loss),
    'relativistic_lsgan': (wargs.relativistic_lsgan_generator_loss,
                           wargs.relativistic_lsgan_discriminator_loss),
    'relativistic_pairing': (wargs.relativistic_pairing_generator_loss,
                             wargs.relativistic_pairing_discriminator_loss),
    'wasserstein': (wargs.wasserstein_generator_loss,
                    wargs.wasserstein_discriminator_loss),
    'wasserstein_hinge': (wargs.wasserstein_hinge_generator_loss,
                          wargs.wasserstein_hinge_discriminator_loss),
}
_PAIR_ALIASES = {
    'non_saturating': 'modified',
    'rpgan': 'relativistic_pairing',
}

# Name -> penalty, argument style.
_PENALTIES = {
    'dragan': wargs.dragan_penalty,
    'r1': wargs.r1_penalty,
    'r2': wargs.r2_penalty,
    'wasserstein_gradient_penalty': wargs.wasserstein_gradient_penalty,
}
_PENALTY_ALIASES = {
    'wgan_gp': 'wasserstein_gradient_penalty',
}

# Upstream TF-GAN's argument-style function that equals each of these at the
# default settings (tests/losses/losses_upstream_cross_test.py checks every
# one; the speed benchmark times pairs against them). Upstream's own losses,
# re-exported, are their own counterparts.
UPSTREAM_EQUIVALENTS = {
    'hinge_discriminator_loss': 'wasserstein_hinge_discriminator_loss',
    'hinge_generator_loss': 'wasserstein_generator_loss',
    'lsgan_discriminator_loss': 'least_squares_discriminator_loss',
    'lsgan_generator_loss': 'least_squares_generator_loss',
    'relativistic_discriminator_loss': 'relativistic_discriminator_loss',
    'relativistic_generator_loss': 'relativistic_generator_loss',
    'wasserstein_gradient_penalty': 'wasserstein_gradient_penalty',
    'wasserstein_hinge_generator_loss': 'wasserstein_generator_loss',
}


def _canonical(name, table, alias_table, what):
  """The canonical name of `name` in `table`; ValueError listing the names."""
  key = alias_table.get(name, name) if isinstance(name, str) else name
  if isinstance(key, str) and key in table:
    return key
  if what == 'loss':
    valid = ', '.join(names(include_aliases=True))
  else:
    valid = '%s (aliases: %s), or %r' % (
        ', '.join(penalty_names()), ', '.join(sorted(_PENALTY_ALIASES)),
        NO_PENALTY)
  raise ValueError('Unknown %s %r; valid names: %s.' % (what, name, valid))


def _gan_model_form(fn):
  """The GANModel-style form of an argument-style loss (same name)."""
  return getattr(tuple_losses, fn.__name__)


# What `get` returns: the pairs' GANModel-style forms, made once.
_GAN_MODEL_PAIRS = {
    name: LossPair(_gan_model_form(generator), _gan_model_form(discriminator))
    for name, (generator, discriminator) in _PAIRS.items()}


def names(include_aliases=False):
  """Returns the registered loss pair names, sorted.

  Args:
    include_aliases: Whether to include aliases such as 'non_saturating'.

  Returns:
    A tuple of str.
  """
  found = set(_PAIRS) | (set(_PAIR_ALIASES) if include_aliases else set())
  return tuple(sorted(found))


def aliases():
  """Returns {alias: canonical name} of the loss pairs."""
  return dict(_PAIR_ALIASES)


def argument_style(name):
  """The `LossPair` of argument-style functions registered as `name`.

  Args:
    name: One of `names(include_aliases=True)`.

  Returns:
    A `LossPair` of functions of `tfgan_ext.losses.wargs`.

  Raises:
    ValueError: if `name` is unknown; the message lists the valid names.
  """
  return LossPair(*_PAIRS[_canonical(name, _PAIRS, _PAIR_ALIASES, 'loss')])


def get(name):
  """Returns the `LossPair` registered as `name` (or an alias of it).

  Args:
    name: One of `names(include_aliases=True)`.

  Returns:
    A `LossPair` of GANModel-style functions.

  Raises:
    ValueError: if `name` is unknown; the message lists the valid names.
  """
  return _GAN_MODEL_PAIRS[_canonical(name, _PAIRS, _PAIR_ALIASES, 'loss')]


def no_penalty(gan_model, **kwargs):
  """The null penalty: a float32 zero (`with_penalty` skips it entirely).

  Args:
    gan_model: Ignored.
    **kwargs: Ignored.

  Returns:
    A scalar float32 zero.
  """
  del gan_model, kwargs
  return tf.constant(0.0)


def penalty_names(include_aliases=False):
  """Returns the registered penalty names, sorted (not 'none').

  Args:
    include_aliases: Whether to include aliases such as 'wgan_gp'.

  Returns:
    A tuple of str.
  """
  found = set(_PENALTIES) | (set(_PENALTY_ALIASES) if include_aliases
                             else set())
  return tuple(sorted(found))


def penalty_aliases():
  """Returns {alias: canonical name} of the penalties."""
  return dict(_PENALTY_ALIASES)


def argument_style_penalty(name):
  """The argument-style penalty registered as `name`, or None for 'none'.

  Args:
    name: One of `penalty_names(include_aliases=True)`, or 'none' / None.

  Returns:
    A function of `tfgan_ext.losses.wargs`, or None.

  Raises:
    ValueError: if `name` is unknown (the message lists the valid names).
  """
  if name is None or name == NO_PENALTY:
    return None
  return _PENALTIES[_canonical(name, _PENALTIES, _PENALTY_ALIASES, 'penalty')]


def get_penalty(name):
  """Returns the GANModel-style penalty called `name`.

  Args:
    name: One of `penalty_names(include_aliases=True)`, or 'none' / None for
      `no_penalty`. A callable is returned as is.

  Returns:
    `penalty_fn(gan_model, **kwargs)`.

  Raises:
    ValueError: if `name` is unknown (the message lists the valid names).
  """
  if callable(name):
    return name
  fn = argument_style_penalty(name)
  return no_penalty if fn is None else _gan_model_form(fn)


# ------------------------------------------------------------- conditional ---

ConditionalLoss = collections.namedtuple('ConditionalLoss', [
    'generator_term', 'discriminator_term', 'generator_weight',
    'discriminator_weight', 'adversarial', 'outputs', 'class_columns',
    'source'])
ConditionalLoss.__doc__ = """A conditional loss: what it reads and adds.

Attributes:
  generator_term: The argument-style class term of the generator.
  discriminator_term: Likewise of the discriminator.
  generator_weight: Its weight in the generator's loss (the paper's).
  discriminator_weight: Likewise in the discriminator's.
  adversarial: The registered unconditional loss of the head's `logits`
    beside the terms (the paper's), or None when the terms are the whole
    loss.
  outputs: The `DiscriminatorOutputs` fields the pair reads.
  class_columns: Columns of `class_logits` for K classes ('K', 'K + 1'), or
    None when it reads none.
  source: Where the formulas and defaults come from.
"""

# Name -> ConditionalLoss. The heads that fit each are those of
# `discriminator_outputs.HEADS` returning its `outputs` (with its class
# columns); `check_head_and_loss` says so.
_CONDITIONAL = {
    'acgan': ConditionalLoss(
        wargs.acgan_generator_loss, wargs.acgan_discriminator_loss, 1.0, 1.0,
        'modified', ('logits', 'class_logits'), 'K',
        'Odena et al. 2017, arXiv:1610.09585 (TF-GAN\'s acgan_* losses; '
        'weights 1 as aux_cond_*_weight in the digits example)'),
    'auxiliary_multi_hinge': ConditionalLoss(
        wargs.auxiliary_multi_hinge_generator_loss,
        wargs.auxiliary_multi_hinge_discriminator_loss, 0.1, 1.0, 'hinge',
        ('logits', 'class_logits'), 'K',
        'Kavalerov et al. 2021, arXiv:1912.04216, ImageNet critic (projection '
        '+ classifier; github.com/ilyakava/gan imagenet128.sh: generator '
        '0.1, discriminator 1.0, margin 1)'),
    'd2dce': ConditionalLoss(
        wargs.d2dce_generator_loss, wargs.d2dce_discriminator_loss, 0.5, 0.5,
        'hinge', ('logits', 'embeddings', 'proxies'), None,
        'Kang et al. 2021, arXiv:2111.01118 (StudioGAN CIFAR10/ReACGAN.yaml: '
        'hinge, cond_lambda 0.5, m_p 0.98, temperature 0.5)'),
    'multi_hinge': ConditionalLoss(
        wargs.multi_hinge_generator_loss, wargs.multi_hinge_discriminator_loss,
        1.0, 1.0, None, ('class_logits',), 'K + 1',
        'Kavalerov et al. 2021, arXiv:1912.04216, K+1 GAN (StudioGAN '
        'MHGAN.yaml; margin 1)'),
}

_DEFAULT = 'default'

# What to say when a pair that does not fit is a near miss.
_NEAR_MISSES = {
    ('projection', 'multi_hinge'): (
        'The multi-hinge paper\'s projection discriminator (its ImageNet '
        'critic) is head \'projection_ac\' with loss '
        '\'auxiliary_multi_hinge\'.'),
}


def conditional_names():
  """Returns the conditional loss names, sorted (none is in `names()`)."""
  return tuple(sorted(_CONDITIONAL))


def head_names():
  """Returns the discriminator head names of `discriminator_outputs.HEADS`."""
  return tuple(discriminator_outputs.HEADS)


def conditional_loss(name):
  """The `ConditionalLoss` registered as `name`.

  Raises:
    ValueError: if `name` is unknown (the message lists the valid names).
  """
  if isinstance(name, str) and name in _CONDITIONAL:
    return _CONDITIONAL[name]
  raise ValueError('Unknown conditional loss %r; valid names: %s (and, for '
                   'heads with one logit, the losses of names(): %s).'
                   % (name, ', '.join(conditional_names()),
                      ', '.join(names())))


def get_conditional(name, adversarial=_DEFAULT, generator_weight=None,
                    discriminator_weight=None):
  """Returns the `LossPair` of the conditional loss `name`.

  Each function is `tuple_losses.conditional_generator_loss` (or
  `..._discriminator_loss`) with the pair's terms and weights bound
  (`functools.partial`): `fn(gan_model, **kwargs)` for `tfgan.gan_loss`, with
  a `gan_model` whose discriminator returns a `DiscriminatorOutputs` (or a
  dict or list of its fields) and whose `generator_inputs` are (noise,
  labels). `tfgan_ext.keras.GANModel.compile(loss=name)` uses the same.

  Args:
    name: One of `conditional_names()`.
    adversarial: A name from `names()` for the loss of the head's logits,
      'default' for the paper's (`conditional_loss(name).adversarial`), or
      None for the class terms alone.
    generator_weight: The generator's class-term weight; None: the paper's.
    discriminator_weight: Likewise for the discriminator.

  Returns:
    A `LossPair` of GANModel-style functions.

  Raises:
    ValueError: for an unknown name, or an adversarial loss for a head with
      no logit (multi-hinge).
  """
  spec = conditional_loss(name)
  if adversarial == _DEFAULT:
    adversarial = spec.adversarial
  elif adversarial is not None and 'logits' not in spec.outputs:
    raise ValueError(
        'The conditional loss %r is the whole GAN loss: its head returns no '
        'real/fake `logits` for an adversarial loss %r.' % (name,
                                                            adversarial))
  pair = None if adversarial is None else get(adversarial)
  return LossPair(
      functools.partial(
          tuple_losses.conditional_generator_loss,
          condition_loss_fn=spec.generator_term,
          condition_weight=(spec.generator_weight if generator_weight is None
                            else generator_weight),
          adversarial_loss_fn=pair and pair.generator_loss_fn),
      functools.partial(
          tuple_losses.conditional_discriminator_loss,
          condition_loss_fn=spec.discriminator_term,
          condition_weight=(spec.discriminator_weight
                            if discriminator_weight is None
                            else discriminator_weight),
          adversarial_loss_fn=pair and pair.discriminator_loss_fn))


def _fits(head, spec):
  """Whether `head` (a HEADS entry) returns what `spec` reads."""
  if head is None or spec is None:
    return head is None and spec is None
  fields, columns = head
  return set(spec.outputs) <= set(fields) and (
      'class_logits' not in spec.outputs or columns == spec.class_columns)


def check_head_and_loss(head, loss):
  """Raises ValueError unless the head returns what the loss reads.

  A head returning one logit (`concat`, `projection`) trains with the
  losses of `names()`; the others with the conditional losses that read
  their fields (see `discriminator_outputs.HEADS` and `_CONDITIONAL`).

  Args:
    head: One of `head_names()`.
    loss: One of `names(include_aliases=True)` or `conditional_names()`.

  Raises:
    ValueError: naming both and listing the valid choices, for an unknown
      name or a pair that does not fit.
  """
  heads = discriminator_outputs.HEADS
  if head not in heads:
    raise ValueError('Unknown discriminator head %r; valid heads: %s.'
                     % (head, ', '.join(heads)))
  if loss in _CONDITIONAL:
    spec = _CONDITIONAL[loss]
  elif isinstance(loss, str) and loss in names(include_aliases=True):
    spec = None
  else:
    raise ValueError('Unknown loss %r for head %r; valid losses: %s; '
                     'conditional: %s.' % (loss, head, ', '.join(names()),
                                           ', '.join(conditional_names())))
  if _fits(heads[head], spec):
    return
  if spec is None:
    reads = 'one real/fake logit per example'
  else:
    reads = ', '.join('`%s`' % f for f in spec.outputs)
    if spec.class_columns:
      reads += ' (class logits over %s columns)' % spec.class_columns
  valid_heads = [h for h, outputs in heads.items() if _fits(outputs, spec)]
  valid_losses = ([n for n in conditional_names()
                   if _fits(heads[head], _CONDITIONAL[n])]
                  or list(names()))
  returns = ('one logit per example' if heads[head] is None else
             ', '.join('`%s`' % f for f in heads[head][0]))
  raise ValueError(
      'Loss %r does not fit head %r: the loss reads %s, the head returns '
      '%s. Heads for %r: %s; losses for head %r: %s.%s'
      % (loss, head, reads, returns, loss, ', '.join(valid_heads), head,
         ', '.join(valid_losses),
         ' ' + _NEAR_MISSES[head, loss] if (head, loss) in _NEAR_MISSES
         else ''))
