# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""tfgan_ext.conditional in TF-1 graphs: labels, heads, conditional batch norm.

References: TF-GAN's own example ops where the maths coincide
(`tensorflow_gan/examples/self_attention_estimator/ops.py`:
ConditionalBatchNorm; snlinear + sn_embedding, the projection of its
discriminator.py) fed the same weights, persisted power-iteration vectors
and inputs; and NumPy written from the papers (tests/conditional_testlib.py).
The Keras layers are tested in tests/keras/keras_conditional_parts_test.py.
"""

import numpy as np
import pytest
import tensorflow as tf
import tensorflow_gan as tfgan

from tfgan_ext import conditional
from tfgan_ext import losses as tfgan_ext_losses
from tfgan_ext.losses import discriminator_outputs as outputs_lib
from tfgan_ext.losses.discriminator_outputs import DiscriminatorOutputs
from tests import conditional_testlib as ref

_v1 = tf.compat.v1

rng = np.random.RandomState(28)
K = 4  # classes
F = 6  # features
IDS = np.array([0, 3, 1, 3, 2], np.int32)
FEATURES = rng.normal(size=(5, F)).astype(np.float32)
IMAGES = rng.normal(1.5, 2.0, size=(5, 3, 3, 2)).astype(np.float32)


def _variables(scope=''):
  return {v.op.name[len(scope):]: v for v in _v1.global_variables()
          if v.op.name.startswith(scope)}


def _load(session, variables, values):
  for name, value in values.items():
    variables[name].load(value, session)


# ---------------------------------------------------------------- labels ---


def test_class_ids_and_one_hot_rows_give_the_same_rows():
  from_ids = conditional.one_hot_labels(IDS, K)
  from_rows = conditional.one_hot_labels(ref.one_hot(IDS, K), K)
  from_int_rows = conditional.one_hot_labels(
      ref.one_hot(IDS, K).astype(np.int64), K)
  np.testing.assert_array_equal(from_ids, ref.one_hot(IDS, K))
  np.testing.assert_array_equal(from_rows, from_ids)
  np.testing.assert_array_equal(from_int_rows, from_ids)
  soft = np.full((2, K), 1.0 / K, np.float32)  # class probabilities pass.
  np.testing.assert_allclose(conditional.one_hot_labels(soft, K), soft)
  assert conditional.one_hot_labels(IDS, K, tf.float16).dtype == tf.float16


@pytest.mark.parametrize('labels,num_classes,error,match', [
    (np.int32(1), K, ValueError, 'class indices \\[batch\\] or one-hot'),
    (np.zeros((5, K, 1), np.int32), K, ValueError, 'got shape \\(5, 4, 1\\)'),
    (np.zeros(5, np.float32), K, TypeError, 'must be integer class indices'),
    (np.zeros((5, K + 1), np.float32), K, ValueError, 'num_classes=4'),
    (np.zeros((5, 1), np.int32), K, ValueError, 'rank-1 tensor'),
    (np.zeros(5, bool), K, TypeError, 'dtype bool'),
    (IDS, 0, ValueError, 'num_classes must be >= 1'),
    (IDS, 2.0, TypeError, 'num_classes must be a Python int'),
    (IDS, True, TypeError, 'num_classes must be a Python int'),
])
def test_bad_labels_are_clear_errors(labels, num_classes, error, match):
  with pytest.raises(error, match=match):
    conditional.one_hot_labels(labels, num_classes)


def test_batch_size_mismatch_names_both():
  match = (r'`labels` shape \(5,\) and `features` shape \(4, 6\) must have the '
           'same batch size')
  with pytest.raises(ValueError, match=match):
    conditional.one_hot_labels(IDS, K, batch_like=FEATURES[:4])
  with pytest.raises(ValueError, match=match):
    conditional.projection_head(FEATURES[:4], IDS, K)


@pytest.mark.parametrize('ids', [[0, 4], [-1, 0]])
def test_class_ids_out_of_range_fail_when_built_or_run(ids):
  # Known when the graph is built (eager, constants): ValueError; fed when
  # it runs: the assertion's InvalidArgumentError.
  with pytest.raises(ValueError, match=(
      r'class indices must be in \[0, 4\) \(the part was built for '
      r'num_classes=4\)')):
    conditional.one_hot_labels(np.array(ids, np.int32), K)
  with tf.Graph().as_default():
    placeholder = _v1.placeholder(tf.int32, [None])
    rows = conditional.one_hot_labels(placeholder, K)
    with _v1.Session() as session:
      with pytest.raises(tf.errors.InvalidArgumentError,
                         match=r'class indices must be in \[0, 4\)'):
        session.run(rows, {placeholder: ids})


def test_bad_features_and_unknown_heads_are_clear_errors():
  with tf.Graph().as_default():
    with pytest.raises(TypeError, match='`features` must be a floating'):
      conditional.projection_head(np.ones((5, F), np.int32), IDS, K)
    with pytest.raises(ValueError, match='`features` must have rank 2'):
      conditional.ac_head(IMAGES, K)
    with pytest.raises(TypeError, match='`inputs` must be a floating'):
      conditional.conditional_batch_norm(np.ones((5, 3, 3, 2), np.uint8),
                                         IDS, K)
    with pytest.raises(ValueError, match='`inputs` must have rank >= 2'):
      conditional.conditional_batch_norm(np.ones(5, np.float32), IDS, K)
    with pytest.raises(ValueError, match=r'num_classes=3'):
      conditional.conditional_batch_norm(IMAGES, ref.one_hot(IDS, K), 3)
    with pytest.raises(ValueError, match="Unknown discriminator head 'pd'; "
                       'choose one of: concat, projection, ac, projection_ac, '
                       'multi_hinge, d2dce'):
      conditional.discriminator_head('pd', FEATURES, IDS, K)
    with pytest.raises(ValueError, match='embedding_dims must be >= 1'):
      conditional.d2dce_head(FEATURES, IDS, K, embedding_dims=0)


# ----------------------------------------------------------- batch norm ---


def test_conditional_batch_norm_equals_tfgan_example_and_numpy():
  gamma = rng.normal(1.0, 0.5, size=(K, 2)).astype(np.float32)
  beta = rng.normal(size=(K, 2)).astype(np.float32)
  with tf.Graph().as_default():
    ours = conditional.conditional_batch_norm(IMAGES, IDS, K, epsilon=1e-5)
    ours_one_hot = conditional.conditional_batch_norm(
        IMAGES, ref.one_hot(IDS, K), K, epsilon=1e-5, scope='again')
    variables = _variables()
    with _v1.Session() as session:
      session.run(_v1.global_variables_initializer())
      _load(session, variables, {
          'conditional_batch_norm/gamma': gamma,
          'conditional_batch_norm/beta': beta,
          'again/gamma': gamma, 'again/beta': beta})
      ours, ours_one_hot = session.run([ours, ours_one_hot])
  # TF-GAN's example normalizes with epsilon 1e-5, as passed to ours.
  theirs = ref.tfgan_conditional_batch_norm(IMAGES, IDS, gamma, beta)
  expected = ref.conditional_batch_norm(IMAGES, IDS, gamma, beta, 1e-5)
  np.testing.assert_allclose(theirs, expected, rtol=1e-5, atol=1e-5)
  np.testing.assert_allclose(ours, expected, rtol=1e-5, atol=1e-5)
  np.testing.assert_allclose(ours_one_hot, ours, rtol=1e-6, atol=1e-6)


def test_conditional_batch_norm_starts_as_batch_norm_and_keeps_averages():
  """gamma 1, beta 0 at first; moving averages by UPDATE_OPS; inference."""
  with tf.Graph().as_default():
    training = _v1.placeholder_with_default(True, [])
    outputs = conditional.conditional_batch_norm(
        IMAGES, IDS, K, training=training, momentum=0.9, epsilon=1e-3)
    updates = _v1.get_collection(_v1.GraphKeys.UPDATE_OPS)
    assert len(updates) == 2  # moving mean and variance.
    with _v1.Session() as session:
      session.run(_v1.global_variables_initializer())
      first = session.run(outputs)
      session.run(updates)
      inference = session.run(outputs, {training: False})
  ones, zeros = np.ones((K, 2)), np.zeros((K, 2))
  np.testing.assert_allclose(
      first, ref.conditional_batch_norm(IMAGES, IDS, ones, zeros, 1e-3),
      rtol=1e-5, atol=1e-5)
  # After one update from (0, 1): mean 0.1 m, variance 0.9 + 0.1 v, with
  # Keras' unbiased batch variance v (n / (n - 1) times the biased one).
  axes = (0, 1, 2)
  n = IMAGES.size // 2
  moving_mean = 0.1 * IMAGES.mean(axis=axes)
  moving_var = 0.9 + 0.1 * IMAGES.var(axis=axes) * n / (n - 1)
  np.testing.assert_allclose(
      inference, (IMAGES - moving_mean) / np.sqrt(moving_var + 1e-3),
      rtol=1e-5, atol=1e-5)


# ----------------------------------------------------------------- heads ---


def test_projection_head_equals_tfgan_example_and_numpy():
  weights = ref.projection_weights(rng, K, F)
  with tf.Graph().as_default():
    ours = conditional.projection_head(FEATURES, IDS, K)
    variables = _variables()
    with _v1.Session() as session:
      session.run(_v1.global_variables_initializer())
      prefix = 'projection_head/'
      _load(session, variables, {
          prefix + 'linear/w': weights['w'],
          prefix + 'linear/b': weights['b'],
          prefix + 'class_embedding/embeddings': weights['table'],
          prefix + 'linear/w_spectral_normalize/spectral_norm/'
          'spectral_norm_u': weights['u_w'],
          prefix + 'class_embedding/embeddings_spectral_normalize/'
          'spectral_norm/spectral_norm_u': weights['u_table']})
      ours = session.run(ours)
  theirs = ref.tfgan_projection(weights, FEATURES, IDS)
  expected = ref.projection(weights, FEATURES, IDS)
  np.testing.assert_allclose(theirs, expected, rtol=2e-5, atol=2e-5)
  np.testing.assert_allclose(ours, expected, rtol=2e-5, atol=2e-5)


def _run_with_weights(build):
  """Builds a head, reads its variables, runs it once.

  Returns:
    (its outputs, {variable name: value} read before the run, which the run
    changes: the power iteration's vectors).
  """
  with tf.Graph().as_default():
    outputs = build()
    variables = _variables()
    with _v1.Session() as session:
      session.run(_v1.global_variables_initializer())
      values = session.run(variables)
      for name, v in variables.items():  # Non-zero biases, to test them.
        if name.endswith('/b'):
          values[name] = rng.normal(size=v.shape).astype(np.float32)
          v.load(values[name], session)
      fetched = session.run([
          {k: v for k, v in o._asdict().items() if v is not None}
          if isinstance(o, DiscriminatorOutputs) else o for o in outputs])
  return fetched, values


def _sn_linear_numpy(values, scope, features, spectral_norm=True):
  w = values[scope + '/w']
  if spectral_norm:
    w = w / ref.sn_step(
        w, values[scope + '/w_spectral_normalize/spectral_norm/'
                  'spectral_norm_u'])[0]
  return features @ w + values[scope + '/b']


def _embedding_numpy(values, scope, ids, spectral_norm=True):
  table = values[scope + '/embeddings']
  if spectral_norm:
    table = table / ref.sn_step(
        table.T, values[scope + '/embeddings_spectral_normalize/'
                        'spectral_norm/spectral_norm_u'])[0]
  return table[ids]


@pytest.mark.parametrize('spectral_norm', [True, False])
def test_every_head_equals_numpy(spectral_norm):
  labels = ref.one_hot(IDS, K).astype(np.float32)
  fetched, values = _run_with_weights(lambda: [
      conditional.discriminator_head(head, FEATURES, labels, K,
                                     spectral_norm=spectral_norm,
                                     embedding_dims=3)
      for head in conditional.HEADS])
  concat, projection, ac, projection_ac, multi_hinge, d2dce = fetched
  lin = lambda scope, x: _sn_linear_numpy(values, scope, x, spectral_norm)
  emb = lambda scope: _embedding_numpy(values, scope, IDS, spectral_norm)
  tol = dict(rtol=2e-5, atol=2e-5)
  hidden = lin('concat_head/hidden', np.concatenate([FEATURES, labels], 1))
  hidden = np.where(hidden > 0, hidden, 0.2 * hidden)  # Leaky ReLU, 0.2.
  np.testing.assert_allclose(concat, lin('concat_head/linear', hidden), **tol)
  np.testing.assert_allclose(projection, lin('projection_head/linear',
                                             FEATURES) + np.sum(
      emb('projection_head/class_embedding') * FEATURES, 1, keepdims=True),
                             **tol)
  assert set(ac) == {'logits', 'class_logits'}
  np.testing.assert_allclose(ac['logits'], lin('ac_head/linear', FEATURES),
                             **tol)
  np.testing.assert_allclose(ac['class_logits'],
                             lin('ac_head/class_linear', FEATURES), **tol)
  assert ac['class_logits'].shape == (5, K)
  assert set(projection_ac) == {'logits', 'class_logits'}
  np.testing.assert_allclose(
      projection_ac['logits'],
      lin('projection_ac_head/projection/linear', FEATURES) + np.sum(
          emb('projection_ac_head/projection/class_embedding') * FEATURES, 1,
          keepdims=True), **tol)
  np.testing.assert_allclose(projection_ac['class_logits'],
                             lin('projection_ac_head/class_linear', FEATURES),
                             **tol)
  assert set(multi_hinge) == {'class_logits'}
  assert multi_hinge['class_logits'].shape == (5, K + 1)
  np.testing.assert_allclose(multi_hinge['class_logits'],
                             lin('multi_hinge_head/class_linear', FEATURES),
                             **tol)
  assert set(d2dce) == {'logits', 'embeddings', 'proxies'}
  np.testing.assert_allclose(d2dce['logits'],
                             lin('d2dce_head/linear', FEATURES), **tol)
  np.testing.assert_allclose(d2dce['embeddings'],
                             lin('d2dce_head/embedding_linear', FEATURES),
                             **tol)
  np.testing.assert_allclose(d2dce['proxies'],
                             emb('d2dce_head/class_embedding'), **tol)
  assert d2dce['proxies'].shape == (5, 3)


@pytest.mark.parametrize('head', ['concat', 'projection'])
def test_label_heads_judge_the_image_with_its_label(head):
  """The label changes the logit by an amount that depends on the image.

  A label that only added a term of its own (w_y . y, as concatenating it
  just before the last linear layer does) would change every image's logit
  by the same amount: the discriminator could not tell whether an image
  fits its label.
  """
  with tf.Graph().as_default():
    logits = []
    for label, reuse in ((0, False), (1, True)):
      with _v1.variable_scope('d', reuse=reuse):
        logits.append(conditional.discriminator_head(
            head, FEATURES, np.full([5], label, np.int32), K,
            spectral_norm=False))
    with _v1.Session() as session:
      session.run(_v1.global_variables_initializer())
      first, second = session.run(logits)
  change = (second - first)[:, 0]
  assert np.std(change) > 1e-3 * np.max(np.abs(change))


def test_every_head_returns_what_the_losses_table_says():
  """One head per name of discriminator_outputs.HEADS, filling its fields.

  The table says, per head, the DiscriminatorOutputs fields it fills and the
  columns of its class logits ('K', 'K + 1'); None for one logit tensor.
  And each head trains with the losses `check_head_and_loss` accepts.
  """
  assert conditional.HEADS == tuple(outputs_lib.HEADS)
  assert set(conditional.HEADS_READING_LABELS) <= set(conditional.HEADS)
  with tf.Graph().as_default():
    for head, expected in outputs_lib.HEADS.items():
      outputs = conditional.discriminator_head(head, FEATURES, IDS, K,
                                               embedding_dims=3)
      if expected is None:
        assert tf.is_tensor(outputs) and outputs.shape == (5, 1), head
        continue
      fields, columns = expected
      filled = [f for f, v in outputs._asdict().items() if v is not None]
      assert sorted(filled) == sorted(fields), head
      if columns is not None:
        assert outputs.class_logits.shape[1] == {'K': K,
                                                 'K + 1': K + 1}[columns]
  for head in conditional.HEADS:
    valid = [loss for loss in (tfgan_ext_losses.conditional_names() +
                               ('hinge',))
             if _fits(head, loss)]
    assert valid, head


def _fits(head, loss):
  try:
    tfgan_ext_losses.check_head_and_loss(head, loss)
  except ValueError:
    return False
  return True


def test_power_iteration_converges_to_the_spectral_norm():
  """Repeated calls update u: the estimate reaches the largest singular value."""
  table = 3.0 * rng.normal(size=(K, F)).astype(np.float32)
  with tf.Graph().as_default():
    # With every class once, the proxies are the normalized table, table / s.
    proxies = conditional.d2dce_head(FEATURES[:K], np.arange(K), K,
                                      embedding_dims=F).proxies
    variables = _variables()
    with _v1.Session() as session:
      session.run(_v1.global_variables_initializer())
      variables['d2dce_head/class_embedding/embeddings'].load(table, session)
      estimates = [np.linalg.norm(table) / np.linalg.norm(session.run(proxies))
                   for _ in range(30)]
  largest = np.linalg.svd(table, compute_uv=False)[0]
  assert abs(estimates[-1] - largest) < 1e-4 * largest
  assert abs(estimates[0] - largest) > abs(estimates[-1] - largest)


def test_heads_and_batch_norm_share_variables_between_calls():
  """The discriminator's real and generated calls (reuse=True) share all."""
  with tf.Graph().as_default():
    for reuse in (False, True):
      with _v1.variable_scope('Discriminator', reuse=reuse):
        for head in conditional.HEADS:
          conditional.discriminator_head(head, FEATURES, IDS, K,
                                         embedding_dims=3)
        conditional.conditional_batch_norm(IMAGES, IDS, K)
      if not reuse:
        once = {v.op.name for v in _v1.global_variables()}
    twice = {v.op.name for v in _v1.global_variables()}
  assert once == twice
  # Weights of the heads: concat 2 x (w, b); projection w, b, table;
  # ac 2 x (w, b); projection-ac w, b, table, w, b; multi-hinge w, b;
  # d2d-ce 2 x (w, b), table; batch norm gamma, beta.
  trainable = [n for n in once if not n.endswith(('spectral_norm_u',
                                                  'moving_mean',
                                                  'moving_variance'))]
  assert len(trainable) == 4 + 3 + 4 + 5 + 2 + 5 + 2


def test_heads_under_tfgan_spectral_norm_getter_are_normalized_once():
  """Inside a discriminator built under TF-GAN's getter, no second norm."""
  with tf.Graph().as_default():
    with _v1.variable_scope(
        'Discriminator',
        custom_getter=tfgan.features.spectral_normalization_custom_getter()):
      conditional.projection_head(FEATURES, IDS, K)
    u_names = sorted(v.op.name for v in _v1.global_variables()
                     if v.op.name.endswith('spectral_norm_u'))
  assert u_names == [
      'Discriminator/projection_head/class_embedding/'
      'embeddings_spectral_normalize/spectral_norm/spectral_norm_u',
      'Discriminator/projection_head/linear/w_spectral_normalize/'
      'spectral_norm/spectral_norm_u']


def test_float16_features_give_float16_outputs():
  with tf.Graph().as_default():
    logits = conditional.projection_head(FEATURES.astype(np.float16), IDS, K)
    normalized = conditional.conditional_batch_norm(
        IMAGES.astype(np.float16), IDS, K)
  assert logits.dtype == tf.float16 and normalized.dtype == tf.float16


@pytest.mark.parametrize('hidden_units, error', [(0, ValueError),
                                                 (2.5, TypeError)])
def test_concat_head_width_is_checked(hidden_units, error):
  with tf.Graph().as_default():
    with pytest.raises(error, match='hidden_units'):
      conditional.concat_head(FEATURES, IDS, K, hidden_units=hidden_units)
