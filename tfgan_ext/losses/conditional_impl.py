# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Argument-style conditional losses: multi-hinge and D2D-CE.

Class-conditional discriminators that output more than one logit per
example (a `DiscriminatorOutputs`, see `discriminator_outputs`) are trained
by these, in TF-GAN's conventions like `tfgan.losses.wargs.acgan_*`: tensors
first (real before generated; named as `discriminator_outputs.
CONDITIONAL_ARGUMENTS` says, so the GANModel-style forms and the Keras step
find them), then `labels`, the hyperparameters (the papers' defaults), the
weights, and `scope`, `loss_collection`, `reduction`, `add_summaries` (as in
`losses_impl`). Values are float32; weighting and reduction go through
`tf.compat.v1.losses.compute_weighted_loss` and the total is added to
`loss_collection` once. Graph mode, eager and `tf.function` alike.

* Multi-hinge, K + 1 classes (`multi_hinge_*`): Kavalerov, Czaja & Chellappa,
  `A Multi-Class Hinge Loss for Conditional GANs` (WACV 2021,
  https://arxiv.org/abs/1912.04216; the "K+1 GAN" of its code,
  github.com/ilyakava/BigGAN-PyTorch, and StudioGAN's MHGAN). The
  discriminator is one classifier over the K classes and a "generated"
  class, trained by Crammer and Singer's multi-class hinge; it has no
  separate real/fake logit, and these two losses are the whole GAN loss.
* Multi-hinge as an auxiliary classifier (`auxiliary_multi_hinge_*`): the
  same paper's ImageNet critic (github.com/ilyakava/gan, critic "acgan"), a
  projection discriminator with a K-class classifier beside it: the class
  term here, the hinge loss on the projection logit beside it (the paper's
  weights: 1 for the discriminator, 0.1 for the generator).
* D2D-CE (`d2dce_*`): Kang, Shim, Cho & Park, `Rebooting ACGAN: Auxiliary
  Classifier GANs with Stable Training` (NeurIPS 2021,
  https://arxiv.org/abs/2111.01118), ReACGAN's class term, beside the hinge
  loss (weight 0.5 for both players in its CIFAR-10 configuration).

Labels are integer class indices [batch] or one-hot [batch, K], checked
against the class logits (`_checks.class_labels`). Every loss raises
TypeError for outputs or labels of the wrong dtype and ValueError for shapes,
class counts, labels or settings that do not fit. Losses are finite with
finite gradients for logits and embeddings of any magnitude.
"""

import tensorflow as tf

from tfgan_ext.losses import _batch_stats
from tfgan_ext.losses import _checks
from tfgan_ext.losses import _reduction

__all__ = [
    'auxiliary_multi_hinge_discriminator_loss',
    'auxiliary_multi_hinge_generator_loss',
    'd2dce_discriminator_loss',
    'd2dce_generator_loss',
    'multi_hinge_discriminator_loss',
    'multi_hinge_generator_loss',
]

_LOSSES = _reduction.LOSSES
_DEFAULT_REDUCTION = _reduction.DEFAULT_REDUCTION
_PER_EXAMPLE = 'the per-example loss'


# ------------------------------------------------------------- multi-hinge ---


def _class_logits(value, name, generated_class):
  """Class logits [batch, columns] as float32, with >= 2 known columns."""
  logits = _checks.to_float32(value, name)
  columns = logits.shape[-1] if logits.shape.rank == 2 else None
  if logits.shape.rank != 2 or columns is None:
    raise ValueError('`%s` must be class logits [batch, classes] with a known '
                     'number of classes, got shape %s.' % (name, logits.shape))
  if columns < 2:
    raise ValueError('`%s` has %d column(s); %s.' % (
        name, columns, 'the K + 1 classes need K >= 1' if generated_class
        else 'a classifier needs K >= 2 classes'))
  return logits


def _num_classes(logits, name, generated_class):
  """K, and what the label check says of it."""
  columns = logits.shape[-1]
  if generated_class:
    return columns - 1, ('`%s` has %d columns, K + 1 (the last is the '
                         'generated class), so K = %d' % (name, columns,
                                                         columns - 1))
  return columns, '`%s` has %d columns' % (name, columns)


_REAL_NAME = 'discriminator_real_classification_logits'
_GEN_NAME = 'discriminator_gen_classification_logits'


def _discriminator_class_logits(real_value, gen_value, labels,
                                generated_class, reduction):
  """The discriminator's checked class logits and the real labels.

  Returns:
    (real logits, generated logits, the real examples' int32 classes, K).
  """
  real = _class_logits(real_value, _REAL_NAME, generated_class)
  gen = _class_logits(gen_value, _GEN_NAME, generated_class)
  _checks.check_pair(real, _REAL_NAME, gen, _GEN_NAME,
                     _checks.SAME_EXCEPT_BATCH, reduction)
  num_classes, classes_from = _num_classes(real, _REAL_NAME, generated_class)
  targets = _checks.class_labels(labels, num_classes, real, _REAL_NAME,
                                 classes_from)
  return real, gen, targets, num_classes


def _crammer_singer(logits, targets, margin):
  """max(0, margin + max_{k != t} logits_k - logits_t) per example.

  Crammer & Singer's multi-class hinge (JMLR 2001). `targets` are int32
  class indices; -inf replaces the target's own logit in the max, so the
  loss and its gradient stay finite for logits of any magnitude.
  """
  is_target = tf.one_hot(targets, logits.shape[-1], on_value=True,
                         off_value=False, dtype=tf.bool)
  target = tf.reduce_sum(tf.where(is_target, logits, 0.0), axis=-1)
  others = tf.reduce_max(
      tf.where(is_target, tf.constant(-float('inf')), logits), axis=-1)
  return tf.nn.relu(tf.cast(margin, tf.float32) + others - target)


def _margin(margin):
  if _checks.is_real(margin) and margin < 0:
    raise ValueError('margin must be >= 0, got %r.' % (margin,))
  return margin


def _class_discriminator_loss(name, summary_name, generated_class,
                              real_logits, gen_logits, labels, margin,
                              real_weights, generated_weights, scope,
                              loss_collection, reduction, add_summaries):
  """The multi-hinge on real examples' labels and on generated examples'.

  Generated examples' targets: the generated class K when
  `generated_class`, else the labels they were generated with.
  """
  with tf.compat.v1.name_scope(
      scope, name, (real_logits, gen_logits, labels)) as scope:
    real, gen, targets, num_classes = _discriminator_class_logits(
        real_logits, gen_logits, labels, generated_class, reduction)
    if generated_class:
      gen_targets = tf.fill(tf.shape(gen)[:1], num_classes)
    else:
      # Generated examples have the same labels (TF-GAN's convention).
      _checks.check_batch(labels, 'labels', gen, _GEN_NAME)
      gen_targets = targets
    margin = _margin(margin)
    return _reduction.reduce_real_and_generated(
        _crammer_singer(real, targets, margin), real_weights,
        _crammer_singer(gen, gen_targets, margin), generated_weights, scope,
        loss_collection, reduction, add_summaries, summary_name, _REAL_NAME,
        _GEN_NAME)


def multi_hinge_discriminator_loss(
    discriminator_real_classification_logits,
    discriminator_gen_classification_logits, labels, margin=1.0,
    real_weights=1.0, generated_weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """Multi-hinge discriminator loss over K + 1 classes (MHingeGAN).

  See `A Multi-Class Hinge Loss for Conditional GANs`
  (https://arxiv.org/abs/1912.04216): the discriminator classifies real
  examples into their class and generated ones into a class K of their
  own, by Crammer and Singer's multi-class hinge.

  L_D = E_x[max(0, m + max_{k != y} C_k(x) - C_y(x))]
      + E_z[max(0, m + max_{k < K} C_k(G(z)) - C_K(G(z)))]

  C are the K + 1 class logits (classes 0 .. K - 1, then the generated class
  K), y the real example's label, m the margin (1 in the paper). This is the
  whole discriminator loss: the head has no separate real/fake logit.

  Args:
    discriminator_real_classification_logits: C(x), [batch, K + 1].
    discriminator_gen_classification_logits: C(G(z)), [batch', K + 1].
    labels: The real examples' classes, int [batch] in [0, K) or one-hot
      [batch, K].
    margin: m.
    real_weights, generated_weights, scope, loss_collection, reduction,
      add_summaries: TF-GAN's (`losses_impl` docstring).

  Returns:
    The loss, float32.

  Raises:
    TypeError: for non-floating logits or non-numeric labels.
    ValueError: for shapes, class counts or labels that do not fit.
  """
  return _class_discriminator_loss(
      'multi_hinge_discriminator_loss', 'discriminator_multi_hinge_loss',
      True, discriminator_real_classification_logits,
      discriminator_gen_classification_logits, labels, margin, real_weights,
      generated_weights, scope, loss_collection, reduction, add_summaries)


def multi_hinge_generator_loss(
    discriminator_gen_classification_logits, labels, margin=1.0, weights=1.0,
    scope=None, loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """Multi-hinge generator loss over K + 1 classes (MHingeGAN).

  See `A Multi-Class Hinge Loss for Conditional GANs`
  (https://arxiv.org/abs/1912.04216): the generator wants its example of
  class y classified as y, by a margin over every other class, the
  generated class K included.

  L_G = E_z[max(0, m + max_{k != y} C_k(G(z, y)) - C_y(G(z, y)))]

  The paper's code and StudioGAN train the generator on 0.05 times this plus
  an L1 feature matching term (weight 1); alone, under Adam, its scale hardly
  matters.

  Args:
    discriminator_gen_classification_logits: C(G(z, y)), [batch, K + 1].
    labels: y, int [batch] in [0, K) or one-hot [batch, K].
    margin: m (1 in the paper).
    weights, scope, loss_collection, reduction, add_summaries: TF-GAN's.

  Returns:
    The loss, float32.

  Raises:
    TypeError: for non-floating logits or non-numeric labels.
    ValueError: for shapes, class counts or labels that do not fit.
  """
  return _class_generator_loss(
      'multi_hinge_generator_loss', 'generator_multi_hinge_loss', True,
      discriminator_gen_classification_logits, labels, margin, weights,
      scope, loss_collection, reduction, add_summaries)


def _class_generator_loss(name, summary_name, generated_class,
                          discriminator_gen_classification_logits, labels,
                          margin, weights, scope, loss_collection, reduction,
                          add_summaries):
  with tf.compat.v1.name_scope(
      scope, name, (discriminator_gen_classification_logits, labels)) as scope:
    gen = _class_logits(discriminator_gen_classification_logits, _GEN_NAME,
                        generated_class)
    num_classes, classes_from = _num_classes(gen, _GEN_NAME, generated_class)
    targets = _checks.class_labels(labels, num_classes, gen, _GEN_NAME,
                                   classes_from)
    return _reduction.reduce_loss(
        _crammer_singer(gen, targets, _margin(margin)), weights, scope,
        loss_collection, reduction, add_summaries, summary_name, _PER_EXAMPLE)


def auxiliary_multi_hinge_discriminator_loss(
    discriminator_real_classification_logits,
    discriminator_gen_classification_logits, labels, margin=1.0,
    real_weights=1.0, generated_weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """Multi-hinge auxiliary-classifier term of the discriminator.

  See `A Multi-Class Hinge Loss for Conditional GANs`
  (https://arxiv.org/abs/1912.04216), its ImageNet critic: a projection
  discriminator with a K-class classifier beside it. Like ACGAN's class term
  (`acgan_discriminator_loss`), the classifier learns the labels of real and
  of generated examples, with the multi-class hinge for the cross-entropy.

  L_cls = E_x[max(0, m + max_{k != y} C_k(x) - C_y(x))]
        + E_z[max(0, m + max_{k != y} C_k(G(z, y)) - C_y(G(z, y)))]

  Add it (weight 1 in the paper) to an adversarial loss on the head's logit
  (the hinge loss in the paper); `tfgan_ext.losses.get_conditional(
  'auxiliary_multi_hinge')` does.

  Args:
    discriminator_real_classification_logits: C(x), [batch, K].
    discriminator_gen_classification_logits: C(G(z, y)), [batch', K].
    labels: y, int [batch] in [0, K) or one-hot [batch, K], the labels of
      the real and of the generated examples alike (TF-GAN's convention).
    margin, real_weights, generated_weights, scope, loss_collection,
      reduction, add_summaries: as `multi_hinge_discriminator_loss`'s.

  Returns:
    The loss, float32.

  Raises:
    TypeError, ValueError: as `multi_hinge_discriminator_loss`.
  """
  return _class_discriminator_loss(
      'auxiliary_multi_hinge_discriminator_loss',
      'discriminator_auxiliary_multi_hinge_loss', False,
      discriminator_real_classification_logits,
      discriminator_gen_classification_logits, labels, margin, real_weights,
      generated_weights, scope, loss_collection, reduction, add_summaries)


def auxiliary_multi_hinge_generator_loss(
    discriminator_gen_classification_logits, labels, margin=1.0, weights=1.0,
    scope=None, loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """Multi-hinge auxiliary-classifier term of the generator.

  See `A Multi-Class Hinge Loss for Conditional GANs`
  (https://arxiv.org/abs/1912.04216), its ImageNet critic (see
  `auxiliary_multi_hinge_discriminator_loss`).

  L_cls = E_z[max(0, m + max_{k != y} C_k(G(z, y)) - C_y(G(z, y)))]

  Add it (weight 0.1 in the paper) to the generator's adversarial loss.

  Args:
    discriminator_gen_classification_logits: C(G(z, y)), [batch, K] (K
      columns, not K + 1).
    labels, margin, weights, scope, loss_collection, reduction,
      add_summaries: as `multi_hinge_generator_loss`'s.

  Returns:
    The loss, float32.

  Raises:
    TypeError, ValueError: as `multi_hinge_generator_loss`.
  """
  return _class_generator_loss(
      'auxiliary_multi_hinge_generator_loss',
      'generator_auxiliary_multi_hinge_loss', False,
      discriminator_gen_classification_logits, labels, margin, weights,
      scope, loss_collection, reduction, add_summaries)


# ------------------------------------------------------------------ D2D-CE ---


def _unit_rows(values, name):
  """Rows scaled to unit L2 norm (zero rows stay zero), float32 [batch, E].

  Divided by their largest magnitude first (a constant for the gradient:
  the normalized row does not depend on it), so huge values do not overflow.
  """
  values = _checks.to_float32(values, name)
  if values.shape.rank != 2:
    raise ValueError('`%s` must be embeddings [batch, dimensions], got shape '
                     '%s.' % (name, values.shape))
  scale = tf.stop_gradient(tf.maximum(
      tf.reduce_max(tf.abs(values), axis=1, keepdims=True),
      tf.constant(1e-30, tf.float32)))
  return tf.math.l2_normalize(values / scale, axis=1)


def _d2dce_settings(positive_margin, negative_margin, temperature):
  for name, value in (('positive_margin', positive_margin),
                      ('negative_margin', negative_margin)):
    if _checks.is_real(value) and not -1.0 <= value <= 1.0:
      raise ValueError('%s must be in [-1, 1] (it is compared with cosine '
                       'similarities), got %r.' % (name, value))
  if _checks.is_real(temperature) and not temperature > 0:
    raise ValueError('temperature must be > 0, got %r.' % (temperature,))


def _d2dce(name, summary_name, embeddings, embeddings_name, proxies,
           proxies_name, labels, positive_margin, negative_margin,
           temperature, weights, scope, loss_collection, reduction,
           add_summaries):
  """D2D-CE per example, weighted and reduced (see the public functions)."""
  _d2dce_settings(positive_margin, negative_margin, temperature)
  with tf.compat.v1.name_scope(scope, name,
                               (embeddings, proxies, labels)) as scope:
    f = _unit_rows(embeddings, embeddings_name)
    v = _unit_rows(proxies, proxies_name)
    _checks.check_pair(f, embeddings_name, v, proxies_name, _checks.EQUAL,
                       reduction)
    classes = _checks.class_labels(labels, None, f, embeddings_name,
                                   'D2D-CE compares labels only')
    # Negatives: the other examples of the global batch (all replicas'
    # under tf.distribute) whose class differs from this example's.
    all_f, _ = _batch_stats.batch_gather(f)
    all_classes, _ = _batch_stats.batch_gather(classes)
    temperature = tf.cast(temperature, tf.float32)
    positive = tf.nn.relu(tf.cast(positive_margin, tf.float32) -
                          tf.reduce_sum(f * v, axis=1)) / temperature
    negative = tf.nn.relu(
        tf.matmul(f, all_f, transpose_b=True) -
        tf.cast(negative_margin, tf.float32)) / temperature
    same_class = tf.equal(classes[:, None], all_classes[None, :])
    negative = tf.where(same_class, tf.constant(-float('inf')), negative)
    # -log(e^-p / (e^-p + sum_j e^n_j)) = p + log(e^-p + sum_j e^n_j).
    values = positive + tf.reduce_logsumexp(
        tf.concat([-positive[:, None], negative], axis=1), axis=1)
    return _reduction.reduce_loss(values, weights, scope, loss_collection,
                                  reduction, add_summaries, summary_name,
                                  _PER_EXAMPLE)


def d2dce_discriminator_loss(
    discriminator_real_embeddings, discriminator_real_proxies, labels,
    positive_margin=0.98, negative_margin=0.02, temperature=0.5,
    weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """Data-to-data cross-entropy (D2D-CE) of real data: ReACGAN's D term.

  See `Rebooting ACGAN: Auxiliary Classifier GANs with Stable Training`
  (https://arxiv.org/abs/2111.01118).

  L = E_i[-log(e^{P_i} / (e^{P_i} + sum_{j: y_j != y_i} e^{N_ij}))]
  P_i = min(f_i . v_i - m_p, 0) / t,  N_ij = max(f_i . f_j - m_n, 0) / t

  f are the examples' embeddings and v the embeddings of their classes (the
  proxies), both scaled to unit length here; j runs over the other examples
  of the batch whose class differs (same-class examples are false negatives
  and are left out), over the global batch under tf.distribute (embeddings
  all-gathered, gradients reaching every replica as on one device). m_p
  0.98, m_n 0.02 and t 0.5 are ReACGAN's CIFAR-10 values (StudioGAN's
  configuration, m_n = 1 - m_p). StudioGAN's code subtracts each row's
  largest N_ij from the N_ij alone, which changes its value: this is the
  paper's formula.

  Add 0.5 times this to the hinge loss on the head's logit (ReACGAN's
  CIFAR-10 weight); `tfgan_ext.losses.get_conditional('d2dce')` does.

  Args:
    discriminator_real_embeddings: f, [batch, E].
    discriminator_real_proxies: v, [batch, E].
    labels: y, int [batch] or one-hot [batch, K].
    positive_margin: m_p, in [-1, 1].
    negative_margin: m_n, in [-1, 1].
    temperature: t > 0.
    weights, scope, loss_collection, reduction, add_summaries: TF-GAN's
      (`weights` per example).

  Returns:
    The loss, float32.

  Raises:
    TypeError: for non-floating embeddings or non-numeric labels.
    ValueError: for shapes, labels or settings that do not fit.
  """
  return _d2dce(
      'd2dce_discriminator_loss', 'discriminator_d2dce_loss',
      discriminator_real_embeddings, 'discriminator_real_embeddings',
      discriminator_real_proxies, 'discriminator_real_proxies', labels,
      positive_margin, negative_margin, temperature, weights, scope,
      loss_collection, reduction, add_summaries)


def d2dce_generator_loss(
    discriminator_gen_embeddings, discriminator_gen_proxies, labels,
    positive_margin=0.98, negative_margin=0.02, temperature=0.5,
    weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """Data-to-data cross-entropy (D2D-CE) of generated data: ReACGAN's G term.

  See `Rebooting ACGAN: Auxiliary Classifier GANs with Stable Training`
  (https://arxiv.org/abs/2111.01118). The formula of
  `d2dce_discriminator_loss`, on the generated batch G(z, y): the generator
  wants its examples near their class's proxy and away from generated
  examples of other classes.

  Add 0.5 times this to the generator's hinge loss (ReACGAN's CIFAR-10
  weight).

  Args:
    discriminator_gen_embeddings: f, [batch, E], of generated data.
    discriminator_gen_proxies: v, [batch, E], of the labels y.
    labels: y, int [batch] or one-hot [batch, K].
    positive_margin, negative_margin, temperature: as for
      `d2dce_discriminator_loss`.
    weights, scope, loss_collection, reduction, add_summaries: TF-GAN's.

  Returns:
    The loss, float32; errors as `d2dce_discriminator_loss`'s.
  """
  return _d2dce(
      'd2dce_generator_loss', 'generator_d2dce_loss',
      discriminator_gen_embeddings, 'discriminator_gen_embeddings',
      discriminator_gen_proxies, 'discriminator_gen_proxies', labels,
      positive_margin, negative_margin, temperature, weights, scope,
      loss_collection, reduction, add_summaries)
