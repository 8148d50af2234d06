import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  groupById,
  groups,
  isGatewayCapable,
  knownServiceShortNames,
  parseServiceName,
  serviceByShortName,
  serviceNameFor,
  suggestServiceNames,
} from '../../server/src/core/services/catalogue';
import { editDistance } from '../../server/src/core/services/editDistance';

test('parses the usual com.amazonaws.<region>.<service> form, dotted short names included', () => {
  assert.deepEqual(parseServiceName('com.amazonaws.us-east-1.ssm'), { kind: 'aws', shortName: 'ssm', region: 'us-east-1', known: true });
  assert.deepEqual(parseServiceName('com.amazonaws.eu-west-2.ecr.dkr'), { kind: 'aws', shortName: 'ecr.dkr', region: 'eu-west-2', known: true });
  assert.deepEqual(parseServiceName('com.amazonaws.us-gov-west-1.sts'), { kind: 'aws', shortName: 'sts', region: 'us-gov-west-1', known: true });
});

test('parses the SageMaker and aws.api naming exceptions', () => {
  assert.deepEqual(parseServiceName('aws.sagemaker.eu-west-1.notebook'), { kind: 'aws', shortName: 'notebook', region: 'eu-west-1', known: true });
  assert.deepEqual(parseServiceName('aws.api.us-east-1.freetier'), { kind: 'aws', shortName: 'freetier', region: 'us-east-1', known: true });
});

test('a known service under the wrong prefix is not known, and the right name is offered', () => {
  const parsed = parseServiceName('com.amazonaws.eu-west-1.notebook');
  assert.equal(parsed.kind, 'aws');
  assert.ok(parsed.kind === 'aws' && !parsed.known);
  assert.equal(parsed.kind === 'aws' ? parsed.canonical : undefined, 'aws.sagemaker.eu-west-1.notebook');
  const regionalIam = parseServiceName('com.amazonaws.us-east-1.iam');
  assert.ok(regionalIam.kind === 'aws' && !regionalIam.known && regionalIam.canonical === 'com.amazonaws.iam');
});

test('parses global names, which have no region segment', () => {
  for (const [name, shortName] of [
    ['com.amazonaws.iam', 'iam'],
    ['com.amazonaws.route53', 'route53'],
    ['com.amazonaws.s3-global.accesspoint', 's3-global.accesspoint'],
    ['aws.api.global.codecatalyst', 'codecatalyst'],
  ]) {
    assert.deepEqual(parseServiceName(name), { kind: 'aws', shortName, region: undefined, known: true }, name);
  }
});

test('parses PrivateLink endpoint services (com.amazonaws.vpce.<region>.vpce-svc-...)', () => {
  assert.deepEqual(parseServiceName('com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0'), {
    kind: 'privatelink',
    region: 'eu-central-1',
    serviceId: 'vpce-svc-0123456789abcdef0',
  });
  assert.deepEqual(parseServiceName('com.amazonaws.vpce.${var.region}.vpce-svc-0abc'), {
    kind: 'privatelink',
    region: undefined,
    serviceId: 'vpce-svc-0abc',
  });
});

test('template strings: an interpolated region leaves the region undefined but the service known', () => {
  assert.deepEqual(parseServiceName('com.amazonaws.${var.region}.ssm'), { kind: 'aws', shortName: 'ssm', region: undefined, known: true });
  // The interpolation's own dots must not split the name.
  assert.deepEqual(parseServiceName('com.amazonaws.${data.aws_region.current.region}.ecr.api'), {
    kind: 'aws',
    shortName: 'ecr.api',
    region: undefined,
    known: true,
  });
  assert.deepEqual(parseServiceName('com.amazonaws.<region>.logs'), { kind: 'aws', shortName: 'logs', region: undefined, known: true });
});

test('an unresolved service part is "unresolved", so rules stay silent instead of guessing', () => {
  assert.deepEqual(parseServiceName('com.amazonaws.${var.region}.${each.key}'), { kind: 'unresolved' });
  assert.deepEqual(parseServiceName('${var.service_name}'), { kind: 'unresolved' });
});

test('unknown and malformed names', () => {
  const typo = parseServiceName('com.amazonaws.us-east-1.ssmmessage');
  assert.deepEqual(typo, { kind: 'aws', shortName: 'ssmmessage', region: 'us-east-1', known: false });
  const badRegion = parseServiceName('com.amazonaws.us-east1.ssm');
  assert.ok(badRegion.kind === 'aws' && !badRegion.known && badRegion.shortName === 'ssm' && badRegion.region === undefined);
  for (const name of ['', 'ssm', 'arn:aws:ec2:us-east-1:123456789012:vpc-endpoint/vpce-1', 'com.amazonaws.vpce.us-east-1.not-a-service']) {
    assert.deepEqual(parseServiceName(name), { kind: 'unrecognized' }, JSON.stringify(name));
  }
});

test('China partition names (cn.com.amazonaws.<region>.<service>) are known', () => {
  assert.deepEqual(parseServiceName('cn.com.amazonaws.cn-north-1.ssm'), { kind: 'aws', shortName: 'ssm', region: 'cn-north-1', known: true });
});

test('serviceNameFor renders templates, keeps global names, and refuses unknown services', () => {
  assert.equal(serviceNameFor('ssm', 'ap-northeast-1'), 'com.amazonaws.ap-northeast-1.ssm');
  assert.equal(serviceNameFor('notebook', 'us-west-2'), 'aws.sagemaker.us-west-2.notebook');
  assert.equal(serviceNameFor('ecr.dkr', '${data.aws_region.current.region}'), 'com.amazonaws.${data.aws_region.current.region}.ecr.dkr');
  assert.equal(serviceNameFor('iam', 'us-east-1'), 'com.amazonaws.iam');
  assert.equal(serviceNameFor('nope', 'us-east-1'), undefined);
});

test('every catalogue service round-trips: serviceNameFor then parseServiceName', () => {
  const names = knownServiceShortNames();
  assert.equal(names.length, 394);
  for (const shortName of names) {
    const full = serviceNameFor(shortName, 'eu-west-3');
    assert.ok(full);
    const parsed = parseServiceName(full);
    assert.ok(parsed.kind === 'aws' && parsed.known && parsed.shortName === shortName, `${shortName}: ${JSON.stringify(parsed)}`);
  }
});

test('did-you-mean for short names: ssmmessage, ec2message, secretmanager', () => {
  assert.equal(suggestServiceNames('ssmmessage')[0], 'ssmmessages');
  assert.equal(suggestServiceNames('ec2message')[0], 'ec2messages');
  assert.equal(suggestServiceNames('secretmanager')[0], 'secretsmanager');
  assert.equal(suggestServiceNames('ecr.dkrr')[0], 'ecr.dkr');
  assert.deepEqual(suggestServiceNames('xyzzyplugh'), []);
  assert.deepEqual(suggestServiceNames('ssm'), [], 'a correct name needs no correction');
});

test('did-you-mean for full names keeps the region as written, interpolation included', () => {
  assert.equal(suggestServiceNames('com.amazonaws.us-east-1.ssmmessage')[0], 'com.amazonaws.us-east-1.ssmmessages');
  assert.equal(suggestServiceNames('com.amazonaws.${var.region}.ec2message')[0], 'com.amazonaws.${var.region}.ec2messages');
  assert.equal(suggestServiceNames('com.amazonaws.us-east-1.SSM')[0], 'com.amazonaws.us-east-1.ssm');
  assert.deepEqual(suggestServiceNames('com.amazonaws.eu-west-1.notebook'), ['aws.sagemaker.eu-west-1.notebook']);
  assert.equal(suggestServiceNames('com.amazon.us-east-1.ssm')[0], 'com.amazonaws.us-east-1.ssm');
  assert.equal(suggestServiceNames('com.amazonaws.iamm')[0], 'com.amazonaws.iam');
  assert.deepEqual(suggestServiceNames('com.amazonaws.us-east-1.ssm'), []);
  assert.ok(suggestServiceNames('com.amazonaws.us-east-1.ssmmessage', 1).length === 1);
});

test('editDistance counts a transposition as one edit', () => {
  assert.equal(editDistance('ssmmessages', 'ssmmessages'), 0);
  assert.equal(editDistance('ssmmessage', 'ssmmessages'), 1);
  assert.equal(editDistance('sstm', 'stsm'), 1);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('', 'abc'), 3);
});

test('gateway capability: only s3, dynamodb and s3express', () => {
  const gatewayCapable = knownServiceShortNames().filter(isGatewayCapable).sort();
  assert.deepEqual(gatewayCapable, ['dynamodb', 's3', 's3express']);
  assert.equal(isGatewayCapable('not-a-service'), false);
  assert.equal(serviceByShortName('s3')?.interface, true, 's3 also has a paid interface endpoint');
  assert.equal(serviceByShortName('s3express')?.interface, null, 's3express interface support is unconfirmed');
});

test('serviceByShortName carries the data rules need (port, template, global)', () => {
  assert.equal(serviceByShortName('cassandra')?.port, 9142);
  assert.equal(serviceByShortName('ssm')?.port, 443);
  assert.equal(serviceByShortName('route53')?.global, true);
  assert.equal(serviceByShortName('ssm')?.template, 'com.amazonaws.<region>.ssm');
  assert.equal(serviceByShortName('toString'), undefined, 'no prototype keys leak in');
});

test('groups: the four dependency groups of the facts file, with their members', () => {
  assert.deepEqual(groups().map((g) => g.id), ['session-manager', 'ecr', 'ecs-ec2', 'eks']);
  const ssm = groupById('session-manager');
  assert.ok(ssm);
  assert.deepEqual(ssm.required, ['ssm', 'ssmmessages', 'ec2messages']);
  assert.deepEqual(ssm.optional, ['kms', 'logs', 'ec2']);
  assert.deepEqual(ssm.companionGateway, ['s3']);
  assert.deepEqual(ssm.requiredGateway, []);
  const ecr = groupById('ecr');
  assert.ok(ecr);
  assert.deepEqual(ecr.required, ['ecr.api', 'ecr.dkr']);
  assert.deepEqual(ecr.requiredGateway, ['s3']);
  assert.deepEqual(groupById('ecs-ec2')?.required, ['ecs', 'ecs-agent', 'ecs-telemetry']);
  const eks = groupById('eks');
  assert.ok(eks);
  for (const member of ['ec2', 'ecr.api', 'ecr.dkr', 'sts', 'logs']) assert.ok(eks.required.includes(member), member);
  assert.deepEqual(eks.requiredGateway, ['s3']);
  assert.ok(eks.optional.includes('route53'));
  assert.equal(groupById('nope'), undefined);
});

test('groups: every member is a known service with a "when" note, every group has why and sources', () => {
  for (const group of groups()) {
    assert.ok(group.why.length > 20, `${group.id} why`);
    assert.ok(group.sources.length > 0 && group.sources.every((s) => s.startsWith('https://')), `${group.id} sources`);
    const members = [...group.required, ...group.requiredGateway, ...group.optional, ...group.companionGateway];
    for (const member of members) {
      assert.ok(serviceByShortName(member), `${group.id}: ${member} is a known service`);
      assert.ok(group.when[member], `${group.id}: ${member} has a when note`);
    }
    for (const member of [...group.requiredGateway, ...group.companionGateway]) {
      assert.ok(isGatewayCapable(member), `${group.id}: ${member} can be a gateway endpoint`);
    }
  }
});

test('groups() hands out copies: callers cannot corrupt the catalogue', () => {
  const first = groupById('ecr');
  assert.ok(first);
  first.required.push('bogus');
  assert.deepEqual(groupById('ecr')?.required, ['ecr.api', 'ecr.dkr']);
});
