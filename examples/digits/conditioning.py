# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The class conditioning the digits flags ask for: a head and a loss.

`--conditional` trains a class-conditional GAN. `--conditional_head` says
how the discriminator reads the label: one of `tfgan_ext.losses.head_names()`
(`tfgan_ext.conditional`'s heads on the network's features), or `auto`.
`--conditional_loss` names the class term, one of
`tfgan_ext.losses.conditional_names()` (`get_conditional`, the paper's
weights bound), `none` (the head's one logit trained by `--gan_loss`
alone), or `auto`; `--gan_loss` is the adversarial part of a conditional
loss that has one (all but multi_hinge, which is the whole loss).

`auto` keeps what each trainer built before these flags, the network's own
conditioning (`NETWORK`):

| networks | gan_train | estimator | keras |
|---|---|---|---|
| dcgan | ACGAN (`tfgan.acgan_model`; loss acgan) | none: name a head | the concat head (a hidden layer on features and label) |
| tfgan_mnist | TF-GAN's (`condition_tensor_from_onehot`) | none: name a head | TF-GAN's, ported |
| sngan_cnn, sngan_resnet | projection | projection | projection |

and `--conditional_loss=auto` is the head's own loss (`HEAD_LOSSES`).

`resolve(hparams)` gives the `Conditioning` a run trains (raising ValueError
for a combination that cannot train); `check` is the flag validator
(`train_lib.define_flags`), so the errors come before anything is built;
`loss_pair` (TF-GAN's trainers) and `keras_loss` (`GANModel.compile`) give
the loss.
"""

import collections

import tfgan_ext
from tfgan_ext.losses import discriminator_outputs

__all__ = ['AUTO', 'AUTO_HEADS', 'Conditioning', 'FIELDS', 'HEAD_CHOICES',
           'HEAD_LOSSES', 'LOSS_CHOICES', 'NETWORK', 'NONE', 'check',
           'keras_loss', 'loss_pair', 'resolve']

AUTO = 'auto'
NONE = 'none'
# The network's own conditioning (the table above), not a head of HEADS.
NETWORK = 'network'

HEAD_CHOICES = (AUTO,) + tfgan_ext.losses.head_names()
LOSS_CHOICES = (AUTO, NONE) + tfgan_ext.losses.conditional_names()

# --conditional_loss=auto: the loss each head's paper trains it with (None:
# the head gives one logit, trained by --gan_loss alone). ac: Odena et al.
# 2017; projection_ac: Kavalerov et al. 2021's ImageNet critic (PD + MH);
# multi_hinge: their K + 1 GAN; d2dce: Kang et al. 2021 (ReACGAN).
HEAD_LOSSES = {'concat': None, 'projection': None, 'ac': 'acgan',
               'projection_ac': 'auxiliary_multi_hinge',
               'multi_hinge': 'multi_hinge', 'd2dce': 'd2dce'}

# --conditional_head=auto for the networks that have no conditioning of
# their own: SNGAN's are conditioned by a head, projection in the papers
# (Miyato & Koyama 2018).
AUTO_HEADS = {'sngan_cnn': 'projection', 'sngan_resnet': 'projection'}

# The HParams fields (flags) `resolve` reads.
FIELDS = ('conditional', 'conditional_head', 'conditional_loss', 'gan_loss',
          'penalty', 'networks', 'trainer', 'augment', 'lecam_weight',
          'zcr_weight', 'bcr_weight')

# The flags whose add-ons read the discriminator's real/fake logit
# (`tfgan_ext.losses.logits_of`), each with the value that turns it off.
_READ_LOGITS = (('augment', 'ada'), ('lecam_weight', None),
                ('zcr_weight', None), ('bcr_weight', None))

Conditioning = collections.namedtuple('Conditioning', 'head loss')
Conditioning.__doc__ = """The conditioning a run trains.

Attributes:
  head: A name of `tfgan_ext.losses.head_names()`, or `NETWORK`.
  loss: A name of `tfgan_ext.losses.conditional_names()`, or None (the
    --gan_loss pair alone).
"""


def _has_logits(head):
  """Whether the head gives a real/fake logit (what penalties read)."""
  outputs = discriminator_outputs.HEADS[head]
  return outputs is None or 'logits' in outputs[0]


def _auto_head(settings):
  if settings.networks in AUTO_HEADS:
    return AUTO_HEADS[settings.networks]
  if settings.trainer == 'estimator' and settings.networks == 'dcgan':
    raise ValueError(
        '--conditional with --conditional_head=auto is not supported with '
        '--trainer=estimator for --networks=dcgan: auto keeps the DCGAN\'s '
        'own conditioning, ACGAN, and GANEstimator builds tfgan.gan_model, '
        'not tfgan.acgan_model. Name a head (--conditional_head=%s; '
        'GANEstimator carries the labels in its features), or use '
        '--trainer=gan_train.' % '|'.join(HEAD_CHOICES[1:]))
  return NETWORK


def resolve(settings):
  """The `Conditioning` the flags ask for, or None when unconditional.

  Args:
    settings: An HParams (or any object with the `FIELDS` attributes).

  Returns:
    A `Conditioning`, or None without --conditional.

  Raises:
    ValueError: a head or loss without --conditional; a head and loss that
      do not fit (`tfgan_ext.losses.check_head_and_loss`'s message); a loss
      the network's own conditioning does not take; --trainer=estimator
      with auto on the DCGAN; a penalty, ADA, LeCam, zCR or bCR on a head
      without a real/fake logit.
  """
  head, loss = settings.conditional_head, settings.conditional_loss
  if not settings.conditional:
    if (head, loss) != (AUTO, AUTO):
      raise ValueError('--conditional_head=%s and --conditional_loss=%s '
                       'need --conditional (a class-conditional GAN).'
                       % (head, loss))
    return None
  if head == AUTO:
    head = _auto_head(settings)
  if head == NETWORK:
    own = ('acgan' if (settings.networks, settings.trainer) == (
        'dcgan', 'gan_train') else None)
    if loss not in (AUTO, own or NONE):
      raise ValueError(
          '--conditional_loss=%s does not fit --conditional_head=auto on '
          '--networks=%s with --trainer=%s, the networks\' own conditioning '
          '(%s); name a head with --conditional_head (%s).'
          % (loss, settings.networks, settings.trainer,
             'ACGAN: loss acgan' if own else 'one logit: trained by '
             '--gan_loss', '|'.join(HEAD_CHOICES[1:])))
    return Conditioning(NETWORK, own)
  if loss == AUTO:
    loss = HEAD_LOSSES[head]
  elif loss == NONE:
    loss = None
  try:
    tfgan_ext.losses.check_head_and_loss(head, loss or settings.gan_loss)
  except ValueError as e:
    if loss:
      raise
    raise ValueError('%s (--conditional_loss=none trains the %s head with '
                     '--gan_loss=%s alone.)' % (e, head, settings.gan_loss)
                     ) from None
  if not _has_logits(head):
    asked = ['--penalty=%s' % settings.penalty] if (
        settings.penalty != tfgan_ext.losses.NO_PENALTY) else []
    asked += ['--%s=%s' % (field, getattr(settings, field))
              for field, value in _READ_LOGITS
              if (getattr(settings, field) == value if value
                  else getattr(settings, field))]
    if asked:
      raise ValueError(
          '%s read the discriminator\'s real/fake logit; the %s head has '
          'none (its K + 1 class logits are the whole output): drop %s.'
          % (' and '.join(asked), head, ' and '.join(
              a.split('=')[0] for a in asked)))
  return Conditioning(head, loss)


def check(settings, default_gan_loss):
  """`resolve`, and --gan_loss left alone where a loss has no adversarial part.

  The flag validator of `train_lib.define_flags`: `--gan_loss` is checked
  against its default, the only value a run whose loss is the whole GAN
  loss (multi_hinge) may record.

  Args:
    settings: As for `resolve`.
    default_gan_loss: --gan_loss's default.

  Returns:
    `resolve`'s `Conditioning`, or None.

  Raises:
    ValueError: as `resolve`, or --gan_loss given for such a loss.
  """
  conditioning = resolve(settings)
  if conditioning is None or conditioning.loss is None:
    return conditioning
  spec = tfgan_ext.losses.conditional_loss(conditioning.loss)
  if spec.adversarial is None and (
      _canonical(settings.gan_loss) != _canonical(default_gan_loss)):
    raise ValueError(
        '--conditional_loss=%s is the whole GAN loss (its head has no '
        'real/fake logit for an adversarial loss): drop --gan_loss=%s.'
        % (conditioning.loss, settings.gan_loss))
  return conditioning


def _adversarial(hparams, name):
  """--gan_loss for a conditional loss with an adversarial part, else None."""
  if tfgan_ext.losses.conditional_loss(name).adversarial is None:
    return None
  return hparams.gan_loss


def loss_pair(hparams):
  """The GANModel-style `LossPair` of the run (gan_train, GANEstimator).

  `tfgan_ext.losses.get(--gan_loss)`, or for a conditional loss
  `get_conditional(--conditional_loss, adversarial=--gan_loss)`. The DCGAN's
  ACGAN (`NETWORK` under gan_train) adds its class terms through
  `tfgan.acgan_model` and `tfgan.gan_loss`'s weights instead.

  Args:
    hparams: A digits train_lib.HParams.

  Returns:
    A `tfgan_ext.losses.LossPair` of GANModel-style functions.

  Raises:
    ValueError: as `resolve`.
  """
  conditioning = resolve(hparams)
  if (conditioning is None or conditioning.loss is None or
      conditioning.head == NETWORK):
    return tfgan_ext.losses.get(hparams.gan_loss)
  return tfgan_ext.losses.get_conditional(
      conditioning.loss, adversarial=_adversarial(hparams, conditioning.loss))


def _canonical(name):
  return tfgan_ext.losses.aliases().get(name, name)


def keras_loss(hparams):
  """`GANModel.compile`'s `loss=` for the run.

  The name: --gan_loss, or --conditional_loss when --gan_loss is that
  loss's own adversarial part (its paper's); otherwise the pair
  `get_conditional(--conditional_loss, adversarial=--gan_loss)`, which
  `compile(loss=...)` takes as well.

  Args:
    hparams: A digits train_lib.HParams.

  Returns:
    A loss name, or a `LossPair`.

  Raises:
    ValueError: as `resolve`.
  """
  conditioning = resolve(hparams)
  if conditioning is None or conditioning.loss is None:
    return hparams.gan_loss
  name = conditioning.loss
  adversarial = _adversarial(hparams, name)
  own = tfgan_ext.losses.conditional_loss(name).adversarial
  if adversarial is None or _canonical(adversarial) == _canonical(own):
    return name
  return tfgan_ext.losses.get_conditional(name, adversarial=adversarial)
