import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtAuthGuard } from './jwt-auth.guard';
import type { Principal } from './principal';
import { RolesGuard } from './roles.guard';
import { TokenVerifier } from './token.verifier';

class ThrowingVerifier extends TokenVerifier {
  constructor() {
    super({ jwtSecret: 'unused' });
  }

  override verify(): Promise<Principal> {
    throw new Error('the verifier must not be called outside HTTP');
  }
}

function rpcContext(): ExecutionContext {
  const fail = (): never => {
    throw new Error('an rpc context must not be read as HTTP');
  };
  return {
    getType: () => 'rpc',
    getHandler: () => rpcContext,
    getClass: () => ThrowingVerifier,
    switchToHttp: fail,
    switchToRpc: () => ({ getData: () => ({}), getContext: () => ({}) }),
    switchToWs: fail,
    getArgs: () => [],
    getArgByIndex: () => undefined,
  } as unknown as ExecutionContext;
}

describe('guards in non-HTTP contexts', () => {
  it('JwtAuthGuard lets an rpc call through without reading a token', async () => {
    const sut = new JwtAuthGuard(new Reflector(), new ThrowingVerifier());

    await expect(sut.canActivate(rpcContext())).resolves.toBe(true);
  });

  it('RolesGuard lets an rpc call through without a principal', () => {
    const sut = new RolesGuard(new Reflector());

    expect(sut.canActivate(rpcContext())).toBe(true);
  });
});
