# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""tfgan_ext.addons: what every add-on promises, whatever its technique.

* Settings are checked when an add-on is built, with errors that name the
  setting (and list the valid names where there is a list).
* Add-ons are values: equal settings give equal (and equally hashed)
  add-ons, and the repr is a call that builds an equal one.
* `apply` and `GANParts` (GANEstimator's argument names), and the joins
  that can go wrong: an average without an optimizer, feature matching
  without what each trainer reads, two replacements of the generator loss,
  the arguments `compile` lost in 0.2.
* The extension point: an add-on written here, as a user would, trains
  through both trainers.
* Two bugs the redesign fixed, in TF-GAN graphs: ADA with a lazy penalty
  (the penalty's `tf.cond` branch is a graph of its own: "Variable ada_p
  already exists"), and ADA's p read once per step (the penalty's
  re-application of D raced p's update).

The numbers of each technique are in their own tests (lecam_test.py,
tests/keras/keras_lecam_test.py, ...) and tests/golden.
"""

import collections
import inspect
import re

import numpy as np
import pytest
import tensorflow as tf
import tensorflow_gan as tfgan

import tfgan_ext
from tfgan_ext import addons as A
from tfgan_ext.addons import base
from tfgan_ext.keras import removed_arguments
import tfgan_ext.keras as tfk
from tests.golden import harness
from tests.keras import keras_testlib as lib

_v1 = tf.compat.v1


def _identity(data):
  return data


def _features_fn(data, unused_inputs):
  return data


# One add-on of every class `tfgan_ext.addons` exports, built with settings
# that are not all defaults.
EXAMPLES = {
    'ADA': lambda: A.ADA(0.5, interval=2, speed_images=1000, name='ada2'),
    'Augmentation': lambda: A.Augmentation(_identity),
    'BalancedConsistency': lambda: A.BalancedConsistency(5.0, 'cutout'),
    'DiffAugment': lambda: A.DiffAugment('color'),
    'FeatureMatching': lambda: A.FeatureMatching(
        2.0, layer='features', features_fn=_features_fn,
        keep_adversarial=False),
    'GeneratorAverage': lambda: A.GeneratorAverage(0.9, start=3),
    'InstanceNoise': lambda: A.InstanceNoise(0.2, 100),
    'LatentConsistency': lambda: A.LatentConsistency(2.0, 0.0, 0.1),
    'LeCam': lambda: A.LeCam(0.5, 0.9, 10, name='lecam2'),
    'Penalty': lambda: A.Penalty('wgan_gp', 10.0, every=4, one_sided=True),
    'TopK': lambda: A.TopK(100, gamma=0.9, nu=0.25),
}


def _exported_add_on_classes():
  return sorted(name for name in A.__all__
                if inspect.isclass(getattr(A, name))
                and issubclass(getattr(A, name), A.AddOn)
                and getattr(A, name) is not A.AddOn)


def test_every_exported_add_on_has_an_example_here():
  missing = sorted(set(_exported_add_on_classes()) - set(EXAMPLES))
  assert not missing, ('Add an example of %s to EXAMPLES (and its settings '
                       'errors to BAD_SETTINGS).' % missing)


# --------------------------------------------- settings checked when built ---


def _r1_like(real_data, discriminator_fn, scale=1.0):
  """A penalty of a user's own (argument-style), with one setting."""
  del discriminator_fn
  return scale * tf.reduce_mean(real_data)


def _takes_anything(real_data, **kwargs):
  del kwargs
  return tf.reduce_mean(real_data)


# (add-on, builder of bad settings, error, what the message must say).
BAD_SETTINGS = [
    # Penalty: an unknown name lists the valid ones.
    ('Penalty', lambda: A.Penalty('r3'), ValueError,
     r"Unknown penalty 'r3'; valid names: dragan, r1, r2, "
     r'wasserstein_gradient_penalty \(aliases: wgan_gp\)'),
    ('Penalty', lambda: A.Penalty('none'), ValueError, 'is no penalty'),
    ('Penalty', lambda: A.Penalty(3), TypeError,
     r'penalty must be a name from tfgan_ext\.losses\.penalty_names\(\)'),
    ('Penalty', lambda: A.Penalty('r1', -1.0), ValueError,
     'Penalty weight must be a number >= 0'),
    ('Penalty', lambda: A.Penalty('r1', '5'), ValueError,
     'Penalty weight must be a number'),
    ('Penalty', lambda: A.Penalty('r1', True), ValueError,
     'Penalty weight must be a number'),
    ('Penalty', lambda: A.Penalty('r1', every=0), ValueError,
     'Penalty every must be >= 1'),
    ('Penalty', lambda: A.Penalty('r1', every=2.0), TypeError,
     'Penalty every must be a Python int'),
    # Keywords the penalty function does not take: TypeError naming them
    # and listing what it takes.
    ('Penalty', lambda: A.Penalty('r1', 5.0, gamma=10.0), TypeError,
     r'r1_penalty\(\) has no parameter gamma; its parameters are real_data'),
    ('Penalty', lambda: A.Penalty('dragan', 5.0, one_sided=True, scale=2),
     TypeError, r'dragan_penalty\(\) has no parameter one_sided, scale'),
    ('Penalty', lambda: A.Penalty(_r1_like, 1.0, sacle=2.0), TypeError,
     r'_r1_like\(\) has no parameter sacle; its parameters are real_data, '
     'discriminator_fn, scale'),
    # Keywords the trainers supply (each trainer would treat them its way).
    ('Penalty', lambda: A.Penalty(_takes_anything, real_data=1.0), TypeError,
     r'Penalty\(\.\.\., real_data=\.\.\.\): the trainers supply real_data'),
    ('Penalty', lambda: A.Penalty('r1', reduction='none'), TypeError,
     'the trainers supply reduction'),
    # LeCam.
    ('LeCam', lambda: A.LeCam(0), ValueError, 'weight must be a number > 0'),
    ('LeCam', lambda: A.LeCam(-0.3), ValueError, 'weight must be a number'),
    ('LeCam', lambda: A.LeCam(None), ValueError, 'weight must be a number'),
    ('LeCam', lambda: A.LeCam('0.3'), ValueError, 'weight must be a number'),
    ('LeCam', lambda: A.LeCam(decay=1.0), ValueError,
     r'decay must be a number in \[0, 1\)'),
    ('LeCam', lambda: A.LeCam(decay=-0.1), ValueError, 'decay'),
    ('LeCam', lambda: A.LeCam(decay=None), ValueError, 'decay'),
    ('LeCam', lambda: A.LeCam(start=-1), ValueError,
     'start must be an int >= 0'),
    ('LeCam', lambda: A.LeCam(start=1.5), ValueError, 'start'),
    ('LeCam', lambda: A.LeCam(name=None), TypeError,
     'LeCam name .* must be a string'),
    # TopK.
    ('TopK', lambda: A.TopK(0), ValueError, 'epoch_steps must be >= 1'),
    ('TopK', lambda: A.TopK(1.5), TypeError,
     'epoch_steps must be a Python int'),
    ('TopK', lambda: A.TopK(10, gamma=0.0), ValueError,
     r'gamma must be a number in \(0, 1\]'),
    ('TopK', lambda: A.TopK(10, gamma=1.5), ValueError, 'gamma'),
    ('TopK', lambda: A.TopK(10, nu=0.0), ValueError, 'nu must be a number'),
    ('TopK', lambda: A.TopK(10, nu='0.5'), ValueError, 'nu must be a number'),
    # BalancedConsistency.
    ('BalancedConsistency', lambda: A.BalancedConsistency(0.0), ValueError,
     'BalancedConsistency weight must be a number > 0'),
    ('BalancedConsistency', lambda: A.BalancedConsistency('1'), ValueError,
     'BalancedConsistency weight'),
    ('BalancedConsistency', lambda: A.BalancedConsistency(1.0, 'rotate'),
     ValueError, "Unknown DiffAugment policy 'rotate'; use a comma-separated "
     'subset of color, translation, cutout'),
    ('BalancedConsistency', lambda: A.BalancedConsistency(1.0, 3), TypeError,
     'BalancedConsistency augment must be a DiffAugment policy or a '
     'function'),
    # LatentConsistency.
    ('LatentConsistency', lambda: A.LatentConsistency(0.0), ValueError,
     'LatentConsistency weight must be a number > 0'),
    ('LatentConsistency', lambda: A.LatentConsistency(1.0, -0.5), ValueError,
     'LatentConsistency generator_weight must be a number >= 0'),
    ('LatentConsistency', lambda: A.LatentConsistency(1.0, stddev=0.0),
     ValueError, 'LatentConsistency stddev must be a number > 0'),
    # DiffAugment: an unknown policy lists the valid ones.
    ('DiffAugment', lambda: A.DiffAugment('color,rotate'), ValueError,
     "Unknown DiffAugment policy 'color,rotate'; use a comma-separated subset "
     'of color, translation, cutout'),
    ('DiffAugment', lambda: A.DiffAugment(''), ValueError,
     'Unknown DiffAugment policy'),
    ('DiffAugment', lambda: A.DiffAugment(['color']), TypeError,
     'A DiffAugment policy is a comma-separated string of color, '
     'translation, cutout'),
    # ADA.
    ('ADA', lambda: A.ADA(target=1.5), ValueError,
     r'ADA target must be a number in \[0, 1\]'),
    ('ADA', lambda: A.ADA(target=None), ValueError, 'ADA target'),
    ('ADA', lambda: A.ADA(interval=0), ValueError,
     'ADA interval must be >= 1'),
    ('ADA', lambda: A.ADA(interval=4.0), TypeError,
     'ADA interval must be a Python int'),
    ('ADA', lambda: A.ADA(speed_images=0), ValueError,
     'ADA speed_images must be a number > 0'),
    ('ADA', lambda: A.ADA(speed_images='500k'), ValueError,
     'ADA speed_images'),
    ('ADA', lambda: A.ADA(name=3), TypeError, 'ADA name .* must be a string'),
    # Augmentation.
    ('Augmentation', lambda: A.Augmentation('flip'), TypeError,
     'Augmentation needs a function of the data'),
    # GeneratorAverage.
    ('GeneratorAverage', lambda: A.GeneratorAverage(1.0), ValueError,
     r"The average's decay must be in \[0, 1\)"),
    ('GeneratorAverage', lambda: A.GeneratorAverage(-0.1), ValueError,
     'decay must be in'),
    ('GeneratorAverage', lambda: A.GeneratorAverage('0.9'), TypeError,
     "The average's decay must be a float"),
    ('GeneratorAverage', lambda: A.GeneratorAverage(0.9, start=-1),
     ValueError, "The average's start must be an int >= 0"),
    ('GeneratorAverage', lambda: A.GeneratorAverage(0.9, start=2.0),
     ValueError, 'start must be an int'),
    # FeatureMatching.
    ('FeatureMatching', lambda: A.FeatureMatching(1.0), ValueError,
     'FeatureMatching needs layer=.*or features_fn='),
    ('FeatureMatching', lambda: A.FeatureMatching(0.0, layer='f'),
     ValueError, 'FeatureMatching weight must be a number > 0'),
    ('FeatureMatching', lambda: A.FeatureMatching(layer=3), TypeError,
     "FeatureMatching layer must be a discriminator layer's name"),
    ('FeatureMatching', lambda: A.FeatureMatching(features_fn='trunk'),
     TypeError, 'features_fn must be callable'),
]


@pytest.mark.parametrize(
    'build,error,match', [case[1:] for case in BAD_SETTINGS],
    ids=['%s-%d' % (case[0], i) for i, case in enumerate(BAD_SETTINGS)])
def test_bad_settings_are_refused_when_built(build, error, match):
  with pytest.raises(error, match=match):
    build()


def test_every_add_on_has_bad_settings_tested():
  # InstanceNoise's are in tests/instance_noise_test.py.
  untested = (set(_exported_add_on_classes()) -
              {case[0] for case in BAD_SETTINGS} - {'InstanceNoise'})
  assert not untested, untested


def test_good_settings_are_kept():
  # The penalty's own keywords, for a registered penalty and for a user's
  # (one that takes **kwargs takes any keyword but the trainers').
  assert A.Penalty('wgan_gp', 10.0, one_sided=True).kwargs == {
      'one_sided': True}
  assert A.Penalty(_r1_like, scale=2.0).kwargs == {'scale': 2.0}
  assert A.Penalty(_takes_anything, anything=1).kwargs == {'anything': 1}
  # Ints are numbers; a weight of 0 switches a penalty off but is valid.
  assert A.Penalty('r1', 0).weight == 0.0
  assert A.LeCam(1, 0, 0).weight == 1.0
  assert A.ADA(1, speed_images=np.float32(8.0)).speed_images == 8.0
  assert A.DiffAugment(' color , cutout ').policy == ' color , cutout '


# ------------------------------------------------------- add-ons are values ---


@pytest.mark.parametrize('name', sorted(EXAMPLES))
def test_equal_settings_make_equal_add_ons_and_the_repr_builds_one(name):
  if name not in _exported_add_on_classes():
    pytest.skip('%s is not exported' % name)
  addon, again = EXAMPLES[name](), EXAMPLES[name]()
  assert addon == again and hash(addon) == hash(again)
  assert len({addon, again}) == 1
  text = repr(addon)
  assert text.startswith(name + '(')
  if '<function' in text:  # A function's repr is not code: it is named.
    assert '_identity' in text or '_features_fn' in text, text
  else:  # The repr is the call that builds an equal add-on.
    assert eval(text, vars(A)) == addon, text  # pylint: disable=eval-used


def test_equality_is_by_class_and_settings():
  assert A.LeCam(0.3) == A.LeCam(0.3)
  assert A.LeCam(0.3) != A.LeCam(0.4)
  assert A.LeCam(0.3) != A.LeCam(0.3, name='other')
  assert A.LeCam(0.3, start=10) == A.LeCam(weight=0.3, start=10)
  assert A.Penalty('r1', 5.0) != A.Penalty('r2', 5.0)
  assert A.Penalty('r1', 5.0) != A.Penalty('r1', 5.0, every=2)
  assert A.DiffAugment('color') != A.Augmentation(_identity)
  assert A.Augmentation(_identity) != A.Augmentation(_features_fn)
  assert A.TopK(10) != 'TopK(epoch_steps=10, gamma=0.99, nu=0.5)'
  assert repr(A.LeCam(0.3)) == ("LeCam(weight=0.3, decay=0.99, start=1000, "
                                "name='lecam')")
  assert repr(A.Penalty('dragan', 10.0, perturbation_scale=0.5)) == (
      "Penalty(penalty='dragan', weight=10.0, every=1, "
      'perturbation_scale=0.5)')
  # Keywords in another order: the same add-on, the same hash.
  one = A.Penalty('dragan', 1.0, perturbation_scale=0.5, target=2.0)
  other = A.Penalty('dragan', 1.0, target=2.0, perturbation_scale=0.5)
  assert one == other and hash(one) == hash(other)


def test_an_add_on_used_in_a_graph_is_still_the_value_it_was():
  # Its graph state (LeCam's anchors, ADA's p) is the graph's, not the
  # value's: it compares equal to a fresh one afterwards, and joins another
  # graph (an estimator's train and eval graphs) with state of its own.
  lecam, ada = A.LeCam(0.3, 0.9, 1), A.ADA(0.6, 1, 16)
  noise, images = harness.data()
  states = []
  for _ in range(2):
    with tf.Graph().as_default() as graph:
      parts = A.apply([ada, lecam], _parts())
      model = tfgan.gan_model(parts.generator_fn, parts.discriminator_fn,
                              real_data=tf.constant(images),
                              generator_inputs=tf.constant(noise))
      tfgan.gan_loss(model, generator_loss_fn=parts.generator_loss_fn,
                     discriminator_loss_fn=parts.discriminator_loss_fn)
      states.append((ada.p, lecam.state()['real_anchor']))
      assert all(v.graph is graph for v in states[-1])
      assert sorted(v.op.name for v in _v1.global_variables()
                    if 'Generator' not in v.op.name and
                    'Discriminator' not in v.op.name) == [
                        'ada_image_count', 'ada_p', 'ada_sign_sum',
                        'ada_steps', 'lecam_generated_anchor',
                        'lecam_real_anchor', 'lecam_steps']
  assert states[0][0] is not states[1][0]
  assert lecam == A.LeCam(0.3, 0.9, 1) and ada == A.ADA(0.6, 1, 16)


# ------------------------------------------------------- apply and GANParts ---


def _parts(**changes):
  pair = tfgan_ext.losses.get('hinge')
  parts = A.GANParts(harness.generator_fn, harness.discriminator_fn,
                     pair.generator_loss_fn, pair.discriminator_loss_fn,
                     _v1.train.GradientDescentOptimizer(0.1),
                     _v1.train.GradientDescentOptimizer(0.1))
  return parts._replace(**changes)


def test_gan_parts_fields_are_gan_estimators_argument_names():
  params = list(inspect.signature(
      tfgan.estimator.GANEstimator.__init__).parameters)
  fields = list(A.GANParts._fields)
  # The same names, in the same order: GANEstimator(**parts._asdict(), ...).
  start = params.index(fields[0])
  assert params[start:start + len(fields)] == fields
  inspect.signature(tfgan.estimator.GANEstimator).bind(
      model_dir=None, **_parts()._asdict())


def test_apply_applies_in_order_and_checks_its_arguments():
  parts = _parts()
  assert A.apply([], parts) is parts
  assert A.apply((), parts) is parts
  one = A.apply(A.TopK(10), parts)  # One add-on, not in a list.
  assert one.generator_loss_fn.__name__ == 'hinge_generator_loss_top_k'
  both = A.apply([A.TopK(10), A.LeCam()], parts)
  assert both.generator_loss_fn.__name__ == 'hinge_generator_loss_top_k'
  assert both.discriminator_loss_fn.__name__ == (
      'hinge_discriminator_loss_with_lecam')
  with pytest.raises(TypeError, match=r"object of tfgan_ext\.addons.*got "
                     r"'r1'"):
    A.apply([A.LeCam(), 'r1'], parts)
  with pytest.raises(TypeError, match='got <function'):
    A.apply([tfgan_ext.losses.r1_penalty], parts)
  with pytest.raises(TypeError, match=r'parts must be a tfgan_ext\.addons\.'
                     'GANParts'):
    A.apply([A.LeCam()], parts._asdict())
  with pytest.raises(TypeError, match='parts must be'):
    A.apply([A.LeCam()], tuple(parts))


def test_generator_average_wraps_an_optimizer_or_a_function_returning_one():
  average = A.GeneratorAverage(0.9, start=2)
  with tf.Graph().as_default():
    parts = _parts()
    wrapped = average.for_tfgan(parts)
    assert isinstance(wrapped.generator_optimizer, A.AveragingOptimizer)
    assert wrapped.generator_optimizer._optimizer is parts.generator_optimizer
    assert (wrapped.generator_optimizer._decay,
            wrapped.generator_optimizer._start) == (0.9, 2)
    # Nothing else changes (the discriminator's optimizer included).
    assert wrapped._replace(generator_optimizer=None) == parts._replace(
        generator_optimizer=None)
    # GANEstimator's form: a function, called in the estimator's graph.
    made = []
    factory = lambda: made.append(_v1.train.AdamOptimizer(0.1)) or made[-1]
    wrapped = average.for_tfgan(_parts(generator_optimizer=factory))
    assert callable(wrapped.generator_optimizer)
    assert not made  # Nothing built before the estimator asks.
    first = wrapped.generator_optimizer()
    assert isinstance(first, A.AveragingOptimizer)
    assert first._optimizer is made[0] and first._decay == 0.9
    assert wrapped.generator_optimizer()._optimizer is made[1]
  with pytest.raises(ValueError, match='give GANParts a generator_optimizer'):
    average.for_tfgan(_parts(generator_optimizer=None))
  with pytest.raises(TypeError, match=r'wraps a tf\.compat\.v1\.train\.'
                     'Optimizer'):
    average.for_tfgan(_parts(generator_optimizer='adam'))


def test_feature_matching_needs_what_each_trainer_reads():
  with pytest.raises(ValueError, match='TF-GAN loop needs features_fn='):
    A.FeatureMatching(1.0, layer='features').for_tfgan(_parts())
  assert A.FeatureMatching(1.0, features_fn=_features_fn).for_tfgan(
      _parts()).generator_loss_fn is not _parts().generator_loss_fn
  K = lib.keras_package('keras')
  gan = tfk.GANModel(*lib.linear_gan(K)[:2])
  with pytest.raises(ValueError, match='GANModel needs layer='):
    gan.compile(K.optimizers.SGD(0.1), K.optimizers.SGD(0.1),
                addons=[A.FeatureMatching(1.0, features_fn=_features_fn)])


def test_compile_refuses_two_replacements_of_the_generator_loss():
  K = lib.keras_package('keras')
  gan = tfk.GANModel(*lib.linear_gan(K)[:2])
  top_k = A.TopK(10)
  alone = A.FeatureMatching(1.0, layer='logit', keep_adversarial=False)
  with pytest.raises(ValueError, match=(
      r'Only one add-on may replace the adversarial generator loss; got '
      r'TopK\(.*\), FeatureMatching\(.*keep_adversarial=False\)')):
    gan.compile(K.optimizers.SGD(0.1), K.optimizers.SGD(0.1),
                addons=[top_k, alone])
  # Each alone, and feature matching added to (not replacing) top-k's loss.
  for addons in ([top_k], [alone], [top_k, A.FeatureMatching(
      1.0, layer='logit')]):
    gan.compile(K.optimizers.SGD(0.1), K.optimizers.SGD(0.1), addons=addons)


@pytest.fixture(scope='module')
def uncompiled_gan():
  """A GANModel for tests whose compile fails before changing it."""
  return tfk.GANModel(*lib.linear_gan(lib.keras_package('keras'))[:2])


@pytest.mark.parametrize('removed', sorted(removed_arguments.REPLACEMENTS))
def test_compile_names_the_replacement_of_each_removed_argument(
    removed, uncompiled_gan):
  K = uncompiled_gan.flavour.package
  with pytest.raises(TypeError) as info:
    uncompiled_gan.compile(K.optimizers.SGD(0.1), K.optimizers.SGD(0.1),
                           **{removed: 1.0})
  message = str(info.value)
  assert 'unexpected arguments %s.' % removed in message
  assert '  %s: use %s' % (removed,
                           removed_arguments.REPLACEMENTS[removed]) in message
  # Every add-on a replacement names exists.
  replacement = removed_arguments.REPLACEMENTS[removed]
  names = re.findall(r'\b([A-Z][A-Za-z]+)\(', replacement)
  assert names and set(names) <= set(A.__all__), replacement


# ------------------------------------------- an add-on written by a user ---


class ConstantTerm(A.AddOn):
  """A user's add-on: the discriminator loss gains `value`, logged.

  Written only against the documented extension point: `for_tfgan` changes
  `GANParts`, `for_keras` returns a `StepPart` whose hooks the train step
  calls, and `base.log` logs a value.
  """

  def __init__(self, value):
    if not isinstance(value, float):
      raise TypeError('value must be a float')
    self.value = value

  def for_tfgan(self, parts):
    loss_fn, value = parts.discriminator_loss_fn, self.value

    def discriminator_loss(gan_model, **kwargs):
      return loss_fn(gan_model, **kwargs) + value

    return parts._replace(discriminator_loss_fn=discriminator_loss)

  def for_keras(self, gan):
    return _ConstantPart(self.value)


class _ConstantPart(A.StepPart):

  logged_names = ('constant_term',)

  def __init__(self, value):
    self._value = value

  def discriminator_term(self, tensors, logs):
    del tensors
    base.log(logs, 'constant_term', tf.constant(self._value))
    return self._value


def test_a_users_add_on_trains_through_both_trainers():
  value = 2.5  # Any constant: it adds to the loss and to nothing else.
  assert ConstantTerm(value) == ConstantTerm(value)
  assert repr(ConstantTerm(value)) == 'ConstantTerm(value=2.5)'

  # TF-GAN: the discriminator loss is the plain one + value at every step;
  # a constant has no gradient, so training is unchanged.
  def attach(addons):
    return lambda parts: A.apply(addons, A.GANParts(**parts))._asdict()

  plain = harness.graph_case(attach([]), 'hinge', steps=2)
  with_it = harness.graph_case(attach([ConstantTerm(value)]), 'hinge',
                               steps=2)
  np.testing.assert_allclose(with_it['losses'][:, 1],
                             plain['losses'][:, 1] + value, rtol=1e-6)
  np.testing.assert_array_equal(with_it['losses'][:, 0],
                                plain['losses'][:, 0])
  for key in plain:
    if key.startswith('var/'):
      np.testing.assert_allclose(with_it[key], plain[key], rtol=1e-6,
                                 err_msg=key)

  # Keras: fit logs the add-on's value beside the losses.
  def compiled(addons):
    def compile_gan(K, generator, discriminator):
      gan = tfk.GANModel(generator, discriminator)
      gan.compile(K.optimizers.SGD(0.05), K.optimizers.SGD(0.05),
                  loss='hinge', addons=addons)
      return gan
    return compile_gan

  plain = harness.keras_case(compiled([]), steps=2)
  with_it = harness.keras_case(compiled([ConstantTerm(value)]), steps=2)
  def logs(out):
    return sorted(k for k in out if k.startswith('log/'))

  def weight_names(out):  # 'weights/<i>/<name>' -> name
    return collections.Counter(
        k.split('/', 2)[2] for k in out if k.startswith('weights/'))

  assert logs(with_it) == sorted(logs(plain) + ['log/constant_term'])
  # Keras 2 (tf-keras, TF 2.15's `keras`) counts the logged value's metric
  # accumulators among `Model.weights`; Keras 3 does not. No other weight.
  extra = weight_names(with_it) - weight_names(plain)
  assert set(extra) <= {'total:0', 'count:0'}, extra
  assert not weight_names(plain) - weight_names(with_it)
  np.testing.assert_allclose(with_it['log/constant_term'], [value])
  np.testing.assert_allclose(with_it['log/discriminator_loss'],
                             plain['log/discriminator_loss'] + value,
                             rtol=1e-6)
  np.testing.assert_allclose(with_it['log/generator_loss'],
                             plain['log/generator_loss'], rtol=1e-6)


# ---------------------------------------------- regressions of the redesign ---


def test_ada_with_a_lazy_penalty_builds_and_trains_in_a_graph():
  # The lazy penalty is built inside a tf.cond, whose branch is a graph of
  # its own; its re-application of D augments with ADA's p, which must be
  # the outer graph's variable (before the fix: "Variable ada_p already
  # exists"). gan_model -> gan_loss -> gan_train_ops, then two global steps
  # (the penalty on at step 0, off at step 1; harness.graph_case runs them).
  addons = [A.ADA(0.6, interval=1, speed_images=16),
            A.Penalty('r1', 5.0, every=2)]
  got = harness.graph_case(
      lambda parts: A.apply(addons, A.GANParts(**parts))._asdict(),
      steps=2)
  assert np.all(np.isfinite(got['losses']))
  names = [k[len('var/'):] for k in got if k.startswith('var/')]
  assert sorted(n for n in names if 'ada' in n) == [
      'ada_image_count', 'ada_p', 'ada_sign_sum', 'ada_steps']
  assert got['var/ada_steps'] == 2.0  # p's update ran once per D step.


# p moves at every step: with interval 1 ADA's rule moves p after each step
# by batch / speed_images = 1/16 towards r = E[sign(D(x_real))] = target.
# r is a multiple of 1/4 on a batch of 8, so it never equals the target 0.6
# (the paper's), and from p = 0.5, six moves of 1/16 never reach the clips
# at 0 and 1. (With the harness' networks r < 0.6: from p = 0, p would stay
# at 0, and a move of 1 per step would stay at a clip after the first.)
_MOVING_ADA = dict(target=0.6, interval=1, speed_images=16 * harness.BATCH)
_P_START = 0.5


def _ancestors(tensors_or_ops):
  """The ops that must run before any of `tensors_or_ops` (and they)."""
  seen = set()
  stack = [getattr(t, 'op', t) for t in tensors_or_ops]
  while stack:
    op = stack.pop()
    if op not in seen:
      seen.add(op)
      stack.extend(t.op for t in op.inputs)
      stack.extend(op.control_inputs)
  return seen


def test_adas_p_is_read_once_per_step_in_a_graph():
  # Every use of p in a step (the losses' D(x) and D(G(z)), R1's
  # re-application of D) must read it before that step's update, which runs
  # with the discriminator's train op: so the discriminator loss of
  # sess.run([d_loss, d_train_op]) equals that of a sess.run(d_loss) just
  # before (same weights, same p, and the same random draws:
  # harness.stateless_random). Before the fix, R1's re-application could
  # read p after the update: a race, which this machine's executor did not
  # lose in 60 tries, so the order is also checked in the graph: every read
  # of p the loss uses must be an input (direct or not) of p's assignment.
  noise, images = harness.data()
  with harness.stateless_random(), tf.Graph().as_default():
    parts = A.apply(
        [A.ADA(**_MOVING_ADA),
         A.Penalty('r1', 5.0)],
        A.GANParts(**harness.default_parts()))
    model = tfgan.gan_model(parts.generator_fn, parts.discriminator_fn,
                            real_data=tf.constant(images),
                            generator_inputs=tf.constant(noise))
    loss = tfgan.gan_loss(model, generator_loss_fn=parts.generator_loss_fn,
                          discriminator_loss_fn=parts.discriminator_loss_fn)
    ops = tfgan.gan_train_ops(model, loss, parts.generator_optimizer,
                              parts.discriminator_optimizer)
    p = [v for v in _v1.global_variables() if v.op.name == 'ada_p'][0]
    handle = p.handle.name
    # Ops given p's variable (its reads, and cond branches that read it).
    users = [op for op in tf.compat.v1.get_default_graph().get_operations()
             if any(t.name == handle for t in op.inputs)]
    train_step = _ancestors([ops.discriminator_train_op])
    [update] = [op for op in users if op.type == 'AssignVariableOp'
                and op in train_step]
    reads = [op for op in users if op.type != 'AssignVariableOp'
             and op in _ancestors([loss.discriminator_loss])]
    assert reads and set(reads) <= _ancestors([update]), reads
    with _v1.Session() as sess:
      sess.run(_v1.global_variables_initializer())
      p.load(_P_START, sess)
      seen = []
      for _ in range(6):
        alone = sess.run(loss.discriminator_loss)
        p_before = sess.run(p)
        with_step, _ = sess.run([loss.discriminator_loss,
                                 ops.discriminator_train_op])
        np.testing.assert_allclose(with_step, alone, rtol=1e-6, atol=1e-6)
        seen.append((p_before, sess.run(p)))
  # p moved: the check was not vacuous.
  assert all(before != after for before, after in seen), seen


def test_addons_read_the_logits_of_a_conditional_head_s_outputs():
  # A conditional head returns a DiscriminatorOutputs; ADA (E[sign D(x)]),
  # LeCam (the anchors of D's outputs) and zCR (D(G(z)) against
  # D(G(z + dz))) read its real/fake logits, as the penalties do. The same
  # networks returning the logits alone give the same numbers (the other
  # field is there to be ignored); before the fix, the head's outputs
  # failed in tf.cast ("Can not convert a DiscriminatorOutputs").
  def addons():
    return [A.ADA(**_MOVING_ADA), A.LeCam(0.3, start=0),
            A.LatentConsistency(5.0)]

  def plain(parts):
    return A.apply(addons(), A.GANParts(**parts))._asdict()

  def on_logits(loss_fn):
    # The loss itself reads the logits, as get_conditional's adversarial
    # part does; the add-ons get the model with the head's outputs.
    def loss(gan_model, **kwargs):
      return loss_fn(gan_model._replace(
          discriminator_real_outputs=(
              gan_model.discriminator_real_outputs.logits),
          discriminator_gen_outputs=(
              gan_model.discriminator_gen_outputs.logits)), **kwargs)
    return loss

  def with_head(parts):
    logits_fn = parts['discriminator_fn']
    parts = dict(
        parts, discriminator_fn=lambda data, inputs: (
            tfgan_ext.losses.DiscriminatorOutputs(
                logits=logits_fn(data, inputs),
                embeddings=tf.reshape(data, [-1, 16]))),
        generator_loss_fn=on_logits(parts['generator_loss_fn']),
        discriminator_loss_fn=on_logits(parts['discriminator_loss_fn']))
    return A.apply(addons(), A.GANParts(**parts))._asdict()

  expected = harness.graph_case(plain, steps=2)
  got = harness.graph_case(with_head, steps=2)
  assert sorted(got) == sorted(expected)
  assert got['var/ada_steps'] == got['var/lecam_steps'] == 2.0
  for key, value in expected.items():
    np.testing.assert_allclose(got[key], value, rtol=1e-6, atol=1e-7,
                               err_msg=key)


def test_adas_p_is_read_before_its_update_in_keras():
  # The Keras step's counterpart: every D input of a step, R1's
  # re-application included, is augmented with the p that step starts
  # from (the logged 'ada_p'). With both learning rates 0, each step's
  # discriminator loss must equal that of a model whose augmentation is
  # ADA's at that p, fixed (the same random draws:
  # harness.stateless_random). One step per fit, to read each step's logs.
  import keras  # pylint: disable=g-import-not-at-top
  from tfgan_ext import augment  # pylint: disable=g-import-not-at-top
  fixed_p = tf.Variable(0.0, trainable=False)

  def gan_with(addons):
    gan = tfk.GANModel(*harness.keras_models(keras))
    gan.compile(keras.optimizers.SGD(0.0), keras.optimizers.SGD(0.0),
                loss='non_saturating', addons=addons)
    return gan

  noise, images = harness.data()
  dataset = tf.data.Dataset.from_tensors((noise, images)).repeat()
  with harness.stateless_random():
    adaptive = gan_with([A.ADA(**_MOVING_ADA), A.Penalty('r1', 5.0)])
    [p] = [w for w in adaptive.weights if w.name.split(':')[0].endswith(
        'ada_p')]
    p.assign(_P_START)
    fixed = gan_with([
        A.Augmentation(lambda x: augment.ada_augment(x, fixed_p)),
        A.Penalty('r1', 5.0)])
    step_p, moved = [], []
    for _ in range(3):
      logs = adaptive.fit(dataset, epochs=1, steps_per_epoch=1,
                          verbose=0).history
      step_p.append(logs['ada_p'][0])
      moved.append(float(p.numpy()) - step_p[-1])
      fixed_p.assign(step_p[-1])
      want = fixed.fit(dataset, epochs=1, steps_per_epoch=1,
                       verbose=0).history['discriminator_loss']
      np.testing.assert_allclose(logs['discriminator_loss'], want,
                                 rtol=1e-5)
  # Each step used the p the previous one left, and p moved at every step
  # (by 1/16, see _MOVING_ADA): the check was not vacuous.
  assert step_p[0] == _P_START
  np.testing.assert_allclose(np.abs(moved), 1 / 16, atol=1e-6)
  np.testing.assert_allclose(np.diff(step_p), moved[:-1], atol=1e-6)


def test_numpy_numbers_are_settings_like_python_ones():
  # A setting read from an array or a sweep is a NumPy number. (Values that
  # float32 holds exactly, so the settings compare equal.)
  f = np.float32
  assert A.Penalty('r1', f(5.0)) == A.Penalty('r1', 5.0)
  assert A.LeCam(f(0.5), f(0.75)) == A.LeCam(0.5, 0.75)
  assert A.TopK(1, f(0.5), f(0.25)) == A.TopK(1, 0.5, 0.25)
  assert A.BalancedConsistency(f(10.0)) == A.BalancedConsistency(10)
  assert A.LatentConsistency(f(5.0), f(0.5), f(0.03)).stddev == (
      pytest.approx(0.03))
  assert A.FeatureMatching(f(2.0), layer='x').weight == 2.0
  assert A.GeneratorAverage(f(0.5)) == A.GeneratorAverage(0.5)
  assert A.ADA(f(0.5), speed_images=f(16)) == A.ADA(0.5, speed_images=16)
  assert A.InstanceNoise(f(0.125), 10) == A.InstanceNoise(0.125, 10)
